"""Stage 1, inputs: params, YAML and CSV reading, dataset specs, validation, cross-file rules.

May import: lkj.errors, lkj.paths.
"""
