package imaging

import "image"

// mask makes the parts of square picture m outside crop c transparent, with
// anti-aliased edges. Coverage is sampled on a 4×4 grid per pixel in integer
// arithmetic, so the result is the same on every platform.
func mask(m *image.RGBA, c Crop) {
	n := m.Rect.Dx()
	if c == None || c == Square || n == 0 {
		return
	}
	inside := circleInside(n)
	if c == RoundedSquare {
		inside = roundedInside(n, n*3/20)
	}
	for y := range n {
		for x := range n {
			cov := coverage(inside, x, y)
			if cov == 16 {
				continue
			}
			p := m.Pix[y*m.Stride+4*x : y*m.Stride+4*x+4]
			for i := range p { // premultiplied: scale all four channels
				p[i] = uint8((int(p[i])*cov + 8) / 16)
			}
		}
	}
}

// coverage counts how many of the 16 sample points of pixel (x, y) are
// inside the shape. Coordinates are in eighths of a pixel.
func coverage(inside func(x8, y8 int64) bool, x, y int) int {
	x8, y8 := int64(x)*8, int64(y)*8
	if inside(x8, y8) && inside(x8+8, y8) && inside(x8, y8+8) && inside(x8+8, y8+8) {
		return 16 // the shapes are convex, so the whole pixel is inside
	}
	n := 0
	for j := range int64(4) {
		for i := range int64(4) {
			if inside(int64(x)*8+2*i+1, int64(y)*8+2*j+1) {
				n++
			}
		}
	}
	return n
}

// circleInside returns the test for the circle inscribed in an n×n square.
func circleInside(n int) func(x8, y8 int64) bool {
	r := int64(n) * 4 // radius and centre, in eighths of a pixel
	return func(x8, y8 int64) bool {
		dx, dy := x8-r, y8-r
		return dx*dx+dy*dy <= r*r
	}
}

// roundedInside returns the test for an n×n square with corners of radius
// rad pixels.
func roundedInside(n, rad int) func(x8, y8 int64) bool {
	lo, hi, r := int64(rad)*8, int64(n-rad)*8, int64(rad)*8
	return func(x8, y8 int64) bool {
		dx := max(lo-x8, 0, x8-hi)
		dy := max(lo-y8, 0, y8-hi)
		return dx*dx+dy*dy <= r*r
	}
}
