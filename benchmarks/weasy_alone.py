"""WeasyPrint alone on an HTML file written by `normtoets report -o X.html`, to the same kind
of PDF (tagged, PDF/UA-1). The file carries its stylesheet inline, so none is added here.

With the garbage collector set as normtoets sets it around WeasyPrint (core/gcpause.py), so
the ratio measures normtoets' own work, not a collector setting only one side has; `--gc
default` keeps Python's defaults, to see what the setting itself is worth."""

import contextlib
import sys

import weasyprint

from normtoets.core.gcpause import collections_spaced_out

setting = collections_spaced_out() if "--gc=default" not in sys.argv else contextlib.nullcontext()
with setting:
    weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], pdf_variant="pdf/ua-1")
