"""WeasyPrint alone on an HTML file written by `normtoets report -o X.html`, to the same kind
of PDF (tagged, PDF/UA-1). The file carries its stylesheet inline, so none is added here."""

import sys

import weasyprint

weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], pdf_variant="pdf/ua-1")
