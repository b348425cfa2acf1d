"""The archive the reader shows: digests merged by day, fed by the parsers.

No Textual here: the app feeds the store with parsed files and asks it for days, papers in
display order and neighbouring days.
"""
