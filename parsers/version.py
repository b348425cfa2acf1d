"""The parser's version: raise it whenever the same file would parse differently.

Caches of parse results (the reader's) are keyed on it, so a new version re-reads every file.
"""

PARSER_VERSION = 7  # 7: feed votes held to the vote cap; papers per file and fields capped
