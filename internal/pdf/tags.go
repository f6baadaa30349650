package pdf

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// structTree is a document's logical structure, built beside the content
// streams as items are drawn: every drawn item that is content is marked
// with an MCID and becomes a kid of its element; everything else is an
// artifact. Elements keep the order in which they are first drawn.
type structTree struct {
	elems map[*layout.Element]*sElem
	roots []*sElem
	// pages holds, per page, the element of each MCID (the parent tree).
	pages [][]*sElem
	// pageRefs are the pages' objects, for marked-content references.
	pageRefs []ref
	// dumpRoot is the Document element, once written.
	dumpRoot *sElem
	// links are the Link elements of the link annotations, in the order
	// of their keys in the parent tree.
	links []*sElem
}

// sElem is one structure element as written.
type sElem struct {
	ref             ref
	role, alt, lang string
	parent          *sElem
	kids            []kid
	x               float64 // where its first item starts, to order cells
}

// kid is a child of an element: another element, or marked content on a
// page (an MCID) with the text it shows.
type kid struct {
	el         *sElem
	page, mcid int
	text       string
	// objr is an annotation the element holds (a link's), or 0.
	objr ref
}

// begin opens the marked content of an item drawn on page (0-based): an
// artifact when el is nil or an artifact, otherwise content of el. It
// returns el's written element when el is a Link, else nil.
func (t *structTree) begin(c *canvas, page int, el *layout.Element, x float64, text string) *sElem {
	if el == nil || el.Role == "Artifact" {
		c.c.WriteString("/Artifact BMC\n")
		return nil
	}
	s := t.elem(el, x)
	for len(t.pages) <= page {
		t.pages = append(t.pages, nil)
	}
	mcid := len(t.pages[page])
	t.pages[page] = append(t.pages[page], s)
	s.kids = append(s.kids, kid{page: page, mcid: mcid, text: text})
	c.c.WriteByte('/')
	c.c.WriteString(s.role)
	c.c.WriteString(" <</MCID ")
	c.c.Write(strconv.AppendInt(c.c.AvailableBuffer(), int64(mcid), 10))
	c.c.WriteString(">> BDC\n")
	if s.role == "Link" {
		return s
	}
	return nil
}

// linkKey records that link annotation annot on page belongs to el and
// returns its key in the parent tree (after the pages').
func (t *structTree) linkKey(el *sElem, annot ref, page int) int {
	el.kids = append(el.kids, kid{objr: annot, page: page})
	t.links = append(t.links, el)
	return len(t.pageRefs) + len(t.links) - 1
}

// end closes what begin opened.
func (t *structTree) end(c *canvas) { c.c.WriteString("EMC\n") }

// elem returns the written element for el, making it and its ancestors
// on first sight, each a kid of its parent (or of the document).
func (t *structTree) elem(el *layout.Element, x float64) *sElem {
	if s, ok := t.elems[el]; ok {
		return s
	}
	if t.elems == nil {
		t.elems = map[*layout.Element]*sElem{}
	}
	s := &sElem{role: el.Role, alt: el.Alt, lang: el.Lang, x: x}
	if s.role == "" {
		s.role = "P"
	}
	t.elems[el] = s
	if el.Parent != nil {
		s.parent = t.elem(el.Parent, x)
		s.parent.kids = append(s.parent.kids, kid{el: s})
	} else {
		t.roots = append(t.roots, s)
	}
	return s
}

// arrange puts a row's cells in the order they sit on the page, left to
// right, and gathers consecutive list items into lists.
func arrange(kids []kid, parent *sElem) []kid {
	if parent != nil && parent.role == "TR" {
		sort.SliceStable(kids, func(i, j int) bool {
			return kids[i].el != nil && kids[j].el != nil && kids[i].el.x < kids[j].el.x
		})
	}
	var out []kid
	var list *sElem
	for _, k := range kids {
		if k.el != nil && k.el.role == "LI" && (parent == nil || parent.role != "L") {
			if list == nil {
				list = &sElem{role: "L", parent: parent}
				out = append(out, kid{el: list})
			}
			k.el.parent = list
			list.kids = append(list.kids, k)
			continue
		}
		list = nil
		out = append(out, k)
	}
	return out
}

// write writes the structure tree and returns the StructTreeRoot's
// reference.
func (t *structTree) write(pdf *file) ref {
	root := pdf.reserve()
	docEl := &sElem{role: "Document"}
	docEl.ref = pdf.reserve()
	var all []*sElem
	var order func(kids []kid, parent *sElem) []kid
	order = func(kids []kid, parent *sElem) []kid {
		kids = arrange(kids, parent)
		for _, k := range kids {
			if k.el != nil {
				k.el.ref = pdf.reserve()
				all = append(all, k.el)
				k.el.kids = order(k.el.kids, k.el)
			}
		}
		return kids
	}
	var top []kid
	for _, r := range t.roots {
		top = append(top, kid{el: r})
	}
	docEl.kids = order(top, docEl)
	for _, k := range docEl.kids {
		k.el.parent = docEl
	}
	var b []byte // one element's dictionary, reused
	for _, s := range append([]*sElem{docEl}, all...) {
		parent := root
		if s.parent != nil {
			parent = s.parent.ref
		}
		b = append(b[:0], "<< /Type /StructElem /S /"...)
		b = append(b, s.role...)
		b = append(b, " /P "...)
		b = appendRef(b, parent)
		if s.alt != "" {
			b = append(b, " /Alt "...)
			b = append(b, text(s.alt)...)
		}
		if s.lang != "" {
			b = append(b, " /Lang "...)
			b = append(b, text(s.lang)...)
		}
		b = append(b, " /K ["...)
		for i, k := range s.kids {
			if i > 0 {
				b = append(b, ' ')
			}
			switch {
			case k.el != nil:
				b = appendRef(b, k.el.ref)
			case k.objr != 0:
				b = append(b, "<< /Type /OBJR /Obj "...)
				b = appendRef(b, k.objr)
				b = append(b, " /Pg "...)
				b = appendRef(b, t.pageRefs[k.page])
				b = append(b, " >>"...)
			default:
				b = append(b, "<< /Type /MCR /Pg "...)
				b = appendRef(b, t.pageRefs[k.page])
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, " >>"...)
			}
		}
		b = append(b, "] >>"...)
		pdf.objBytes(s.ref, b)
	}
	var nums strings.Builder
	for i, els := range t.pages {
		fmt.Fprintf(&nums, "%d [", i)
		for j, s := range els {
			if j > 0 {
				nums.WriteByte(' ')
			}
			nums.WriteString(s.ref.String())
		}
		nums.WriteString("] ")
	}
	for i, l := range t.links {
		fmt.Fprintf(&nums, "%d %s ", len(t.pageRefs)+i, l.ref)
	}
	pt := pdf.add("<< /Nums [" + strings.TrimSpace(nums.String()) + "] >>")
	pdf.obj(root, fmt.Sprintf("<< /Type /StructTreeRoot /K [%s] /ParentTree %s /ParentTreeNextKey %d >>", docEl.ref, pt, len(t.pageRefs)+len(t.links)))
	t.dumpRoot = docEl
	return root
}

// dump writes the tree as text, an element a line, indented by depth,
// with its alternative text, language and the text it holds: the
// structure a screen reader walks.
func (t *structTree) dump() string {
	var b strings.Builder
	var walk func(s *sElem, depth int)
	walk = func(s *sElem, depth int) {
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), s.role)
		if s.alt != "" {
			fmt.Fprintf(&b, " alt=%q", s.alt)
		}
		if s.lang != "" {
			fmt.Fprintf(&b, " lang=%s", s.lang)
		}
		var words []string
		for _, k := range s.kids {
			if k.el == nil && k.objr == 0 && k.text != "" {
				words = append(words, k.text)
			}
		}
		if len(words) > 0 {
			fmt.Fprintf(&b, " %q", strings.Join(words, " "))
		}
		b.WriteByte('\n')
		for _, k := range s.kids {
			if k.el != nil {
				walk(k.el, depth+1)
			}
		}
	}
	if t.dumpRoot != nil {
		walk(t.dumpRoot, 0)
	}
	return b.String()
}

// pictureAlt is the alternative text of a picture with none given: the
// library picture's name, or the uploaded file's name without extension.
func pictureAlt(ref string) string {
	name := ref
	if i := strings.IndexByte(ref, ':'); i >= 0 {
		name = ref[i+1:]
	}
	if strings.HasPrefix(ref, "data:") {
		return "picture"
	}
	name = strings.TrimSuffix(name, path.Ext(name))
	return strings.NewReplacer("-", " ", "_", " ").Replace(name)
}
