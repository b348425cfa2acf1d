"""The parser's version: raise it whenever the same file would parse differently.

Caches of parse results (the reader's) are keyed on it, so a new version re-reads every file.
"""

PARSER_VERSION = 6  # 6: papers sharing an arXiv id under different titles are named
