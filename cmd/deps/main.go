package main

import (
	_ "codeberg.org/go-pdf/fpdf"
	_ "github.com/gin-gonic/gin"
	_ "github.com/nfnt/resize"
	_ "github.com/yuin/goldmark"
	_ "golang.org/x/image/vector"
	_ "golang.org/x/image/webp"
)

func main() {}
