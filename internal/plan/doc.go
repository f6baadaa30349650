// Package plan holds the input contract: the Go types of a family's safety
// plan, Decode, which turns JSON into a Plan and reports every decoding
// problem with its JSON path, and Validate, which reports every problem with
// the plan's content at once. It uses the standard library only; outside
// knowledge (which pictures exist, which characters the fonts draw, which
// day is today) comes in through ValidateOptions. The plan's date and
// version are derived from its held meetings only (Meeting.Held).
package plan
