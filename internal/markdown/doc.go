// Package markdown turns the Markdown allowed in a safety plan's free-text
// fields into styled runs of text that the layout engine can measure and draw.
//
// It is the only package that imports goldmark. The conversion walks
// goldmark's syntax tree directly; nothing is rendered to HTML on the way.
//
// Guarantees:
//
//   - Emphasis, strong emphasis, code spans, links, bullet and numbered lists,
//     block quotes and headings are understood. Headings are bold text.
//   - Raw HTML, inline or as a block, is kept as the literal text the writer
//     typed; it is never interpreted. Images become their alt text.
//   - Only http, https, mailto and tel links keep their target; any other
//     link (javascript:, data:, relative paths) keeps its text and loses the
//     target.
//   - Text is kept as typed: no smart quotes, dashes or ellipses are added.
//   - The output holds valid UTF-8 and no control characters other than "\n"
//     (tabs become spaces).
//   - Sources longer than MaxSource bytes are kept as plain text, which
//     bounds the time goldmark can spend on hostile input.
//   - Parse and Plain never panic, are deterministic, and are safe for
//     concurrent use.
package markdown
