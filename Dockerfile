# Build: docker build -t safetyplan .   Run: docker run -p 8080:8080 safetyplan
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/safetyplan ./cmd/safetyplan

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/safetyplan /safetyplan
USER nonroot:nonroot
EXPOSE 8080
ENV SAFETYPLAN_ADDR=:8080
ENTRYPOINT ["/safetyplan"]
CMD ["serve"]
