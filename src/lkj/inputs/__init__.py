"""Stage 1, inputs: params, YAML and CSV reading, dataset specs, validation, cross-file rules.

Modules in the order data passes them: params (the run), yamlio and models (YAML files through
pydantic, messages translating its errors), reading (CSV bytes → text cells), specs (what each
CSV file holds), parsing (text → typed columns), tableschema (a spec as a pandera schema),
validation (failure cases → problems), targets and crossfile (rules across files), load (all of
it for one run: `load_inputs` → `Inputs`). hints holds the wording every problem shares.

May import: lkj.errors, lkj.paths.
"""
