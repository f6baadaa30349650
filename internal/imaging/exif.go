package imaging

import (
	"bytes"
	"encoding/binary"
)

// orientation is an EXIF orientation value, 1 (upright) to 8. It says how
// the stored pixels must be turned to appear upright.
type orientation int

// jpegOrientation returns the EXIF orientation recorded in a JPEG file, or 1
// when there is none or it cannot be read. It reads at most the segments
// before the first scan, never follows a pointer twice, and never panics on
// truncated or malformed data.
func jpegOrientation(b []byte) orientation {
	if len(b) < 4 || b[0] != 0xff || b[1] != 0xd8 {
		return 1
	}
	i := 2
	for segments := 0; segments < 256 && i+4 <= len(b); segments++ {
		if b[i] != 0xff {
			return 1
		}
		marker := b[i+1]
		switch {
		case marker == 0xff: // fill byte
			i++
			continue
		case marker == 0xda || marker == 0xd9: // start of scan, end of image
			return 1
		case marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7): // no length
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 {
			return 1
		}
		end := min(i+2+n, len(b))
		seg := b[i+4 : end]
		if marker == 0xe1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		i = end
	}
	return 1
}

// tiffOrientation returns tag 0x0112 of IFD0 in a TIFF structure, or 1.
func tiffOrientation(t []byte) orientation {
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(t[2:]) != 42 {
		return 1
	}
	ifd := uint64(order.Uint32(t[4:]))
	if ifd+2 > uint64(len(t)) {
		return 1
	}
	count := int(order.Uint16(t[ifd:]))
	for k := range count {
		e := int(ifd) + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if order.Uint16(t[e:]) != 0x0112 {
			continue
		}
		var v uint32
		switch order.Uint16(t[e+2:]) {
		case 3: // SHORT, stored in the first two bytes of the value field
			v = uint32(order.Uint16(t[e+8:]))
		case 4: // LONG, which some writers use
			v = order.Uint32(t[e+8:])
		}
		if v >= 1 && v <= 8 {
			return orientation(v)
		}
		return 1
	}
	return 1
}

// swapsAxes reports whether o turns the picture a quarter turn, so that its
// upright width is its stored height.
func (o orientation) swapsAxes() bool { return o >= 5 && o <= 8 }
