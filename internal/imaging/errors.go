package imaging

import "fmt"

// Code classifies an Error, for mapping to an HTTP status or a report line.
type Code string

// The error codes.
const (
	// CodeUnsupportedFormat: the bytes are not a JPEG, PNG, GIF or WebP
	// picture (or a data: URI does not hold an image).
	CodeUnsupportedFormat Code = "unsupported_format"
	// CodeTooLarge: the file is bigger than Limits.MaxBytes.
	CodeTooLarge Code = "too_large"
	// CodeTooManyPixels: the picture has more pixels than Limits.MaxPixels.
	CodeTooManyPixels Code = "too_many_pixels"
	// CodeCorrupt: the file looks like a supported picture but cannot be read.
	CodeCorrupt Code = "corrupt"
	// CodeInvalidDataURI: a data: URI is malformed or not base64.
	CodeInvalidDataURI Code = "invalid_data_uri"
)

// Error is the error returned by every function in this package.
type Error struct {
	// Code says what went wrong, for programs.
	Code Code
	// Message says what went wrong and what to do about it, in plain words
	// fit to show the person who uploaded the picture.
	Message string
	// Err is the underlying cause, if any; it is for logs, not for users.
	Err error
}

// Error returns "imaging: CODE: MESSAGE", followed by the cause if any.
func (e *Error) Error() string {
	s := fmt.Sprintf("imaging: %s: %s", e.Code, e.Message)
	if e.Err != nil {
		s += " (" + e.Err.Error() + ")"
	}
	return s
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Advice shown to people whose picture cannot be used.
const (
	formatsHelp = "Use a JPEG, PNG, GIF or WebP picture."
	phoneHelp   = "On an iPhone, set Settings > Camera > Formats to Most Compatible, or share the photo as JPEG; " +
		"on Android, share or export the photo as JPEG."
	smallerHelp = "Send a smaller copy: most phones offer a smaller size when sharing a photo by email."
)

// errorf builds an *Error with a formatted message.
func errorf(code Code, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: cause}
}
