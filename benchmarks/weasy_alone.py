"""WeasyPrint alone on an HTML file written by normtoets, with the bundled stylesheet."""

import sys

import weasyprint

from normtoets.resources import bundled

css = [weasyprint.CSS(filename=str(p)) for p in sorted(bundled("templates").glob("*.css"))]
weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], stylesheets=css)
