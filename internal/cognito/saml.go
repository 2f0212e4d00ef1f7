package cognito

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// samlMetadataNS is the namespace of SAML 2.0 metadata.
const samlMetadataNS = "urn:oasis:names:tc:SAML:2.0:metadata"

// SAMLMetadataProblem says what keeps doc from being a SAML 2.0 metadata document
// Cognito can read ("" when nothing): well-formed XML whose one root element is an
// EntityDescriptor (or EntitiesDescriptor) in the SAML metadata namespace.
func SAMLMetadataProblem(doc string) string {
	d := xml.NewDecoder(strings.NewReader(doc))
	var root *xml.StartElement
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "is not well-formed XML (" + err.Error() + ")"
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if root != nil {
					return "has more than one root element"
				}
				root = &t
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(t)) != "" {
				return "has text outside its root element"
			}
		}
	}
	switch {
	case root == nil:
		return "has no XML element"
	case root.Name.Space != samlMetadataNS || root.Name.Local != "EntityDescriptor" && root.Name.Local != "EntitiesDescriptor":
		return "is XML, but not SAML 2.0 metadata: its root is not an EntityDescriptor in " + samlMetadataNS
	}
	return ""
}
