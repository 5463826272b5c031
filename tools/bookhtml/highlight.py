# SPDX-License-Identifier: MIT
# highlight.py IN OUT: bookhtml's bridge to Pygments. Reads from IN a JSON
# array of {"language": "go" | "cpp" | "text", "code": "..."} and writes to OUT
# a JSON object {"blocks": [html, ...], "css": "..."}: each block's code as
# Pygments' HTML spans (no wrapper), and the style sheet for them under ".code".
import json
import sys

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name

formatter = HtmlFormatter(nowrap=True)
with open(sys.argv[1], encoding="utf-8") as source:
    blocks = [highlight(block["code"], get_lexer_by_name(block["language"]), formatter)
              for block in json.load(source)]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump({"blocks": blocks, "css": HtmlFormatter(style="default").get_style_defs(".code")}, out)
