package render

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"

	"github.com/familynetwork/safetyplan/internal/imaging"
	"github.com/familynetwork/safetyplan/internal/pdf"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// Photos and drawings are prepared once per size they print at, at 300 dpi
// at most: a full picture fits a box of about 120 mm, a face in a circle
// about 50 mm.
const (
	fullPixels   = 1400
	squarePixels = 600
	squarePrefix = "square:"
)

// pictureCache keeps prepared photos by content hash, so the same photo
// sent again (the next document for the same plan, say) costs nothing.
var pictureCache = imaging.NewCache(96 << 20)

// PictureCacheStats reports the photo cache's hits, misses and size.
func PictureCacheStats() imaging.CacheStats { return pictureCache.Stats() }

// prepareOptions says how a picture is prepared for its key: square:REF is
// the centred square for a circle, anything else the whole picture.
func prepareOptions(key string) (string, imaging.Options) {
	if ref, ok := strings.CutPrefix(key, squarePrefix); ok {
		return ref, imaging.Options{MaxWidth: squarePixels, MaxHeight: squarePixels, Crop: imaging.Square}
	}
	return key, imaging.Options{MaxWidth: fullPixels, MaxHeight: fullPixels}
}

// source returns the bytes of an upload: or data: picture.
func (in *Input) source(ref string) ([]byte, error) {
	if name, ok := strings.CutPrefix(ref, "upload:"); ok {
		b, ok := in.Uploads[name]
		if !ok {
			return nil, fmt.Errorf("no upload called %q", name)
		}
		return b, nil
	}
	return imaging.DecodeDataURI(ref, 0)
}

// image prepares the picture for key (see prepareOptions).
func (in *Input) image(key string) (*imaging.Image, error) {
	return in.imageNarrower(key, 0)
}

// imageNarrower prepares the picture for key, narrowed by the given number
// of pixels.
func (in *Input) imageNarrower(key string, narrower int) (*imaging.Image, error) {
	ref, opt := prepareOptions(key)
	var src []byte
	if ref != key {
		// A square is cut from the prepared picture, not the original:
		// decoding a 12-megapixel photo once is enough.
		full, err := in.image(ref)
		if err != nil {
			return nil, err
		}
		src = full.Data
	} else {
		var err error
		if src, err = in.source(ref); err != nil {
			return nil, err
		}
	}
	if narrower > 0 {
		img, err := pictureCache.Prepare(src, opt)
		if err != nil {
			return nil, err
		}
		opt.MaxWidth = max(1, img.Width-narrower)
	}
	return pictureCache.Prepare(src, opt)
}

// images prepares the pictures for the given keys, once each; library
// pictures need nothing.
//
// Two different pictures of the same pixel width are narrowed until they
// differ: fpdf orders a PDF's images by width alone, so a tie would come
// out in a random order and the same plan would not give the same bytes.
// A picture loses a pixel or two of width at most, which nobody can see.
func (in *Input) images(keys []string) map[string]pdf.Image {
	out := map[string]pdf.Image{}
	widths := map[int][sha256.Size]byte{}
	for _, k := range keys {
		ref, _ := prepareOptions(k)
		if _, done := out[k]; done || strings.HasPrefix(ref, "library:") {
			continue
		}
		var img *imaging.Image
		var err error
		for narrower := 0; narrower < 64; narrower++ {
			if img, err = in.imageNarrower(k, narrower); err != nil {
				break
			}
			sum := sha256.Sum256(img.Data)
			if other, taken := widths[img.Width]; !taken || other == sum {
				widths[img.Width] = sum
				break
			}
		}
		if err != nil {
			// Load prepared every photo already, so this cannot fail for
			// a loaded plan; draw nothing rather than a wrong picture.
			continue
		}
		out[k] = pdf.Image{Data: img.Data, Format: img.Format}
	}
	return out
}

// checkPhotos prepares every upload: and data: picture once, so a broken,
// disguised or oversized file is a problem with the field that uses it
// before any document is made. uses maps each reference to the first path
// that uses it.
func (in *Input) checkPhotos(refs []string, uses map[string]string) plan.Problems {
	var ps plan.Problems
	for _, ref := range refs {
		if strings.HasPrefix(ref, "library:") {
			continue
		}
		if _, err := in.image(ref); err != nil {
			ps = append(ps, plan.Problem{Path: uses[ref], Code: plan.CodePicture, Message: photoMessage(ref, err)})
		}
	}
	return ps
}

// photoMessage names the picture and says what to do.
func photoMessage(ref string, err error) string {
	what := "the picture in this data: URI"
	if name, ok := strings.CutPrefix(ref, "upload:"); ok {
		what = fmt.Sprintf("the uploaded file %q", name)
	}
	var ie *imaging.Error
	if errors.As(err, &ie) {
		return what + " cannot be used: " + ie.Message
	}
	return what + " cannot be used: send a JPEG, PNG, GIF or WebP picture"
}
