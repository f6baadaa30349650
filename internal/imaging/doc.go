// Package imaging turns uploaded photos and children's drawings into small,
// upright, metadata-free JPEG or PNG images ready to place in a PDF.
//
// It is the only package that imports nfnt/resize and golang.org/x/image.
//
// Guarantees:
//
//   - Accepted inputs are JPEG (including CMYK, YCCK and progressive), PNG
//     (including interlaced, 16-bit, paletted and transparent), GIF (the
//     first frame) and WebP (lossy, lossless, with alpha). The format is
//     sniffed from the bytes; file names and declared media types are never
//     trusted. Anything else fails with an *Error whose Code is
//     CodeUnsupportedFormat and whose Message says which formats work and
//     how to get one from a phone.
//   - Limits are checked before decoding: the byte size against
//     Limits.MaxBytes; the dimensions in the header against Limits.MaxPixels,
//     Limits.MaxSide and Limits.MaxAspect; and, for JPEG, PNG and GIF,
//     whether the file's data could hold that many pixels at all (a header
//     can claim any size; compressed data cannot shrink below what the
//     format needs per pixel). So a small file that claims a huge picture
//     fails fast without allocating it.
//   - Pictures being decoded at once, across every caller in the process,
//     take at most DefaultDecodeBudget bytes together (SetDecodeBudget
//     changes it): Prepare waits for room, and refuses a picture that would
//     need more than the whole budget.
//   - JPEG EXIF orientation (all eight values) is applied: output is upright.
//   - Output is a fresh encode, so no EXIF, GPS, ICC or comment metadata
//     survives. See Prepare for how JPEG or PNG is chosen.
//   - Pictures are scaled down, never up, to fit Options.MaxWidth by
//     Options.MaxHeight.
//   - Prepare is deterministic on a given platform: the same input and
//     options give identical bytes. It never panics; every error it returns
//     is an *Error.
//   - Prepare, DecodeDataURI and the methods of *Cache are safe for
//     concurrent use.
package imaging
