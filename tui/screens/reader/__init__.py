"""The reader: date sidebar, paper list and detail pane, and the keys that move between them.

:mod:`.state` holds where the reader is and decides what each key leads to (plain Python,
no Textual), :mod:`.listing` what a day, week or month lists, :mod:`.screen` the widgets
and every key, :mod:`.bindings` the keys and their ids.
"""
