"""Stage 2, values: the registry of values, their ids, Indonesian formats, dependency recording.

May import: lkj.errors, lkj.paths, lkj.inputs.
"""
