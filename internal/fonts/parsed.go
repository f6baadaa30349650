package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/go-text/typesetting/font"

	assets "github.com/familynetwork/safetyplan/assets/fonts"
)

// Font is one font file, read and parsed once per process. It is safe
// for concurrent use: nothing in it changes after loading.
type Font struct {
	// File is the file's name in the embedded assets (or the council's
	// fonts directory).
	File string
	// Data is the whole TrueType file.
	Data []byte
	// Name is the PostScript name, as a PDF's BaseFont wants it.
	Name string
	// Bold and Italic say which face of its family this is.
	Bold, Italic bool
	// Upem is the number of font units in an em.
	Upem int
	// Ascent, Descent and CapHeight are in thousandths of an em (Descent
	// is negative); BBox is the font's bounding box in the same units.
	Ascent, Descent, CapHeight float64
	BBox                       [4]float64
	// ItalicAngle is the slant in degrees, counter-clockwise.
	ItalicAngle float64

	parsed    *font.Font
	advances  []uint16 // per glyph, font units
	numGlyphs int
}

// Has reports whether the font maps r to a glyph.
func (f *Font) Has(r rune) bool {
	_, ok := f.parsed.NominalGlyph(r)
	return ok
}

// Advance returns the advance width of glyph gid in thousandths of an em,
// from the font's hmtx table.
func (f *Font) Advance(gid uint16) float64 {
	if int(gid) < len(f.advances) {
		return float64(f.advances[gid]) * 1000 / float64(f.Upem)
	}
	return 0
}

// NumGlyphs is the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return f.numGlyphs }

// Table returns the raw bytes of the table tagged tag, or nil.
func (f *Font) Table(tag string) []byte {
	b := f.Data
	if len(b) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(b); i++ {
		rec := b[12+16*i:]
		if string(rec[:4]) == tag {
			off, ln := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
			if off+ln > len(b) || off < 0 || ln < 0 {
				return nil
			}
			return b[off : off+ln]
		}
	}
	return nil
}

var (
	parsedMu sync.Mutex
	parsed   = map[string]*Font{}
)

// Load returns the embedded font file named file, parsed on first use and
// shared afterwards.
func Load(file string) (*Font, error) {
	parsedMu.Lock()
	defer parsedMu.Unlock()
	if f, ok := parsed[file]; ok {
		return f, nil
	}
	b, err := assets.FS.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	f, err := parseFont(file, b)
	if err != nil {
		return nil, err
	}
	parsed[file] = f
	return f, nil
}

// parseFont parses a TrueType file and reads the metrics a PDF needs.
func parseFont(file string, b []byte) (*Font, error) {
	face, err := font.ParseTTF(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", file, err)
	}
	f := &Font{File: file, Data: b, parsed: face.Font, Upem: int(face.Upem())}
	if f.Table("glyf") == nil || f.Table("loca") == nil {
		return nil, fmt.Errorf("fonts: %s: only TrueType outlines (glyf) can be embedded", file)
	}
	k := 1000 / float64(f.Upem)
	if head := f.Table("head"); len(head) >= 54 {
		for i := range 4 {
			f.BBox[i] = float64(int16(binary.BigEndian.Uint16(head[36+2*i:]))) * k
		}
		mac := binary.BigEndian.Uint16(head[44:])
		f.Bold, f.Italic = mac&1 != 0, mac&2 != 0
	}
	if hhea := f.Table("hhea"); len(hhea) >= 8 {
		f.Ascent = float64(int16(binary.BigEndian.Uint16(hhea[4:]))) * k
		f.Descent = float64(int16(binary.BigEndian.Uint16(hhea[6:]))) * k
	}
	f.CapHeight = f.Ascent
	if os2 := f.Table("OS/2"); len(os2) >= 90 && binary.BigEndian.Uint16(os2) >= 2 {
		f.CapHeight = float64(int16(binary.BigEndian.Uint16(os2[88:]))) * k
	}
	if post := f.Table("post"); len(post) >= 8 {
		f.ItalicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
	}
	if maxp := f.Table("maxp"); len(maxp) >= 6 {
		f.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	}
	if hhea, hmtx := f.Table("hhea"), f.Table("hmtx"); len(hhea) >= 36 {
		n := int(binary.BigEndian.Uint16(hhea[34:]))
		f.advances = make([]uint16, f.numGlyphs)
		last := uint16(0)
		for g := range f.numGlyphs {
			if g < n && 4*g+2 <= len(hmtx) {
				last = binary.BigEndian.Uint16(hmtx[4*g:])
			}
			f.advances[g] = last
		}
	}
	f.Name = postScriptName(f.Table("name"))
	if f.Name == "" {
		f.Name = "Font"
	}
	return f, nil
}

// postScriptName reads name ID 6 from a name table, keeping only the
// characters a PDF name may hold without escaping.
func postScriptName(t []byte) string {
	if len(t) < 6 {
		return ""
	}
	count, strOff := int(binary.BigEndian.Uint16(t[2:])), int(binary.BigEndian.Uint16(t[4:]))
	for i := range count {
		rec := t[6+12*i:]
		if len(rec) < 12 {
			break
		}
		platform, id := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		ln, off := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if id != 6 || strOff+off+ln > len(t) {
			continue
		}
		raw := t[strOff+off : strOff+off+ln]
		var out []byte
		step := 1
		if platform == 3 || platform == 0 {
			step = 2
		}
		for j := step - 1; j < len(raw); j += step {
			c := raw[j]
			if c > 32 && c < 127 && !bytes.ContainsRune([]byte("()<>[]{}/%#"), rune(c)) {
				out = append(out, c)
			}
		}
		if len(out) > 0 {
			return string(out)
		}
	}
	return ""
}

// extra lists the files a council added with AddDirectory, in the order
// their chains try them (after the shipped fonts).
var extra []string

// AddDirectory adds every TrueType font (*.ttf) in dir to the end of every
// family's fallback chain, for scripts the shipped fonts lack (Chinese,
// Tamil): text in them is then accepted and drawn. Fonts must have
// TrueType outlines. Call it at start-up, before any document is made.
func AddDirectory(dir string) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.ttf"))
	if err != nil {
		return fmt.Errorf("fonts: %w", err)
	}
	sort.Strings(names)
	var add []*Font
	for _, path := range names {
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("fonts: %w", err)
		}
		f, err := parseFont("dir:"+path, b)
		if err != nil {
			return err
		}
		add = append(add, f)
	}
	parsedMu.Lock()
	for _, f := range add {
		if _, ok := parsed[f.File]; !ok {
			parsed[f.File] = f
			extra = append(extra, f.File)
		}
	}
	parsedMu.Unlock()
	chainsMu.Lock()
	clear(chains)
	chainsMu.Unlock()
	return nil
}

// extraFiles returns the council's added files.
func extraFiles() []string {
	parsedMu.Lock()
	defer parsedMu.Unlock()
	return append([]string(nil), extra...)
}
