"""The parser's version: raise it whenever the same file would parse differently.

Caches of parse results (the reader's) are keyed on it, so a new version re-reads every file.
"""

# 9: sections name their source, the feed's comments linked; 8: feed votes capped, papers
# per file and fields limited; 7: web links only
PARSER_VERSION = 9
