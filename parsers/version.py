"""The parser's version: raise it whenever the same file would parse differently.

Caches of parse results (the reader's) are keyed on it, so a new version re-reads every file.
"""

PARSER_VERSION = 7  # 7: links that are not http(s) addresses are dropped and named
