// Package strictjson reads one JSON document the way a reviewer reads it: every byte
// must be UTF-8, every object member name must be unique, and nothing may follow the
// value. Where encoding/json quietly keeps the last of two duplicate members or turns
// a bad byte into U+FFFD, Parse refuses with the position (line, column, byte offset)
// and the path of the offending value, so nothing a user wrote is silently changed.
//
// Tokens are read by github.com/go-json-experiment/json/jsontext (the tokenizer of the
// coming encoding/json/v2); this package adds duplicate detection with both positions,
// encoding diagnostics (byte-order marks, UTF-16) and a size bound.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// Kind classifies an Error.
type Kind int

// The kinds of Error.
const (
	Syntax    Kind = iota // malformed JSON
	Duplicate             // an object member name given twice
	Encoding              // bytes that are not UTF-8, a byte-order mark, UTF-16
	TooLarge              // the input exceeds the size bound
	Trailing              // more follows the one JSON value
)

// Error is one reason a document was refused. Line and Column are 1-based (Column
// counts characters); Offset is the byte offset. Path is the dotted path of the
// value concerned ("multifactor.mode", "groups[2]"), "" for the document itself.
type Error struct {
	Kind      Kind
	Path      string
	Line      int
	Column    int
	Offset    int64
	FirstLine int // for Duplicate: the line of the first occurrence
	Msg       string
}

// Error formats the error as "line L, column C: message".
func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// ReadAll reads r up to limit bytes. A longer input is an error of Kind TooLarge
// that says how to proceed, so an endless stream (/dev/zero, a pipe that never
// closes its end early) costs at most limit+1 bytes of memory.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &Error{Kind: TooLarge, Msg: fmt.Sprintf("the input is larger than %s, the most this command reads", Size(limit))}
	}
	return data, nil
}

// Size formats a byte count for messages: "1 MiB", "512 KiB", "300 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Parse reads exactly one JSON value from data into plain Go values: map[string]any,
// []any, string, json.Number, bool and nil. It returns an *Error for the first problem.
func Parse(data []byte) (any, error) {
	if err := checkEncoding(data); err != nil {
		return nil, err
	}
	p := &parser{data: data, dec: jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(false))}
	v, err := p.value("")
	if err != nil {
		return nil, err
	}
	if off := nextNonSpace(data, p.dec.InputOffset()); off < int64(len(data)) {
		return nil, p.errorAt(Trailing, "", off, "more follows the end of the JSON value; a document holds exactly one value")
	}
	return v, nil
}

// checkEncoding names the encoding problems that would otherwise show up as a
// confusing syntax error at line 1, column 1.
func checkEncoding(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return &Error{Kind: Encoding, Line: 1, Column: 1, Msg: "the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without a BOM"}
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}),
		len(data) >= 2 && (data[0] == 0) != (data[1] == 0):
		return &Error{Kind: Encoding, Line: 1, Column: 1, Msg: "the file is UTF-16 (or UTF-32) encoded; save it as UTF-8"}
	}
	return nil
}

type parser struct {
	data []byte
	dec  *jsontext.Decoder
}

// value reads the value at path.
func (p *parser) value(path string) (any, error) {
	switch p.dec.PeekKind() {
	case '{':
		return p.object(path)
	case '[':
		return p.array(path)
	}
	raw, err := p.dec.ReadValue()
	if err != nil {
		return nil, p.wrap(err, path)
	}
	switch raw.Kind() {
	case '"':
		s, err := jsontext.AppendUnquote(nil, raw)
		if err != nil {
			return nil, p.wrap(err, path)
		}
		return string(s), nil
	case '0':
		return json.Number(raw), nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	}
	return nil, nil
}

func (p *parser) object(path string) (any, error) {
	if _, err := p.dec.ReadToken(); err != nil {
		return nil, p.wrap(err, path)
	}
	obj := map[string]any{}
	first := map[string]int64{}
	for p.dec.PeekKind() != '}' {
		raw, err := p.dec.ReadValue()
		if err != nil {
			return nil, p.wrap(err, path)
		}
		name, err := jsontext.AppendUnquote(nil, raw)
		if err != nil {
			return nil, p.wrap(err, path)
		}
		key := string(name)
		sub := Join(path, key)
		start := p.dec.InputOffset() - int64(len(raw))
		if prev, dup := first[key]; dup {
			e := p.errorAt(Duplicate, sub, start, "")
			e.FirstLine, _ = position(p.data, prev)
			e.Msg = fmt.Sprintf("%q is given twice in the same object (first on line %d); JSON readers keep only one of them, so remove the other", Excerpt(key), e.FirstLine)
			return nil, e
		}
		first[key] = start
		v, err := p.value(sub)
		if err != nil {
			return nil, err
		}
		obj[key] = v
	}
	if _, err := p.dec.ReadToken(); err != nil {
		return nil, p.wrap(err, path)
	}
	return obj, nil
}

func (p *parser) array(path string) (any, error) {
	if _, err := p.dec.ReadToken(); err != nil {
		return nil, p.wrap(err, path)
	}
	arr := []any{}
	for i := 0; p.dec.PeekKind() != ']'; i++ {
		v, err := p.value(path + "[" + strconv.Itoa(i) + "]")
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
	}
	if _, err := p.dec.ReadToken(); err != nil {
		return nil, p.wrap(err, path)
	}
	return arr, nil
}

// wrap turns a tokenizer error into an *Error at its position.
func (p *parser) wrap(err error, path string) error {
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return p.errorAt(Syntax, path, int64(len(p.data)), "the document ends before the JSON value does")
		}
		return p.errorAt(Syntax, path, p.dec.InputOffset(), err.Error())
	}
	off := se.ByteOffset
	if errors.Is(se.Err, io.ErrUnexpectedEOF) {
		return p.errorAt(Syntax, path, int64(len(p.data)), "the document ends before the JSON value does")
	}
	if bad := firstInvalidUTF8(p.data, off); bad >= 0 {
		return p.errorAt(Encoding, path, int64(bad), fmt.Sprintf("byte 0x%02X at offset %d is not UTF-8; save the file as UTF-8", p.data[bad], bad))
	}
	return p.errorAt(Syntax, path, off, describeSyntax(se))
}

// describeSyntax is the tokenizer's message without its own position prefix.
func describeSyntax(se *jsontext.SyntacticError) string {
	if se.Err != nil {
		return se.Err.Error()
	}
	return se.Error()
}

// firstInvalidUTF8 returns the offset of the first byte at or after from (within the
// current string) that is not valid UTF-8, or -1.
func firstInvalidUTF8(data []byte, from int64) int {
	i := int(max(from, 0))
	if i < len(data) && data[i] == '"' {
		i++ // the error may point at the string's opening quote
	}
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		if r == '"' || r == '\n' {
			return -1
		}
		i += size
	}
	return -1
}

// nextNonSpace skips JSON white space from off, so a position points at the
// offending character rather than at the space before it.
func nextNonSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\n', '\r':
			off++
			continue
		}
		break
	}
	return off
}

func (p *parser) errorAt(kind Kind, path string, off int64, msg string) *Error {
	line, col := position(p.data, off)
	return &Error{Kind: kind, Path: path, Line: line, Column: col, Offset: off, Msg: msg}
}

// position converts a byte offset into a 1-based line and a 1-based column counted
// in characters.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[lineStart:]) + 1
}

// Join appends an object member name to a dotted path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// excerptLen is the most characters of user input quoted in a message.
const excerptLen = 64

// Excerpt shortens s for an error message: at most 64 characters, with "..." and
// the full length when cut, so a huge value never floods a terminal or a CI log.
func Excerpt(s string) string {
	if utf8.RuneCountInString(s) <= excerptLen {
		return s
	}
	n := 0
	for i := range s {
		if n == excerptLen {
			return fmt.Sprintf("%s... (%d characters)", s[:i], utf8.RuneCountInString(s))
		}
		n++
	}
	return s
}
