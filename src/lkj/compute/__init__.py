"""Stage 3, compute: pure functions of inputs and params that fill the registry (measures,
rules, IKU engine, budget, appendix aggregates, reconciliation).

May import: lkj.errors, lkj.paths, lkj.inputs, lkj.values.
"""
