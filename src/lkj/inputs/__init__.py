"""Stage 1, inputs: params, YAML and CSV reading, dataset specs, validation, cross-file rules.

Modules in the order data passes them: params (the run; confine keeps every path inside the
project), yamlio (strict YAML: no key twice, bounded aliases) and models (YAML files through
pydantic, messages translating its errors), reading and strictcsv (CSV bytes → text cells,
strict about quotes and invisible characters), specs (what each CSV file holds), parsing and
numbers (text → typed columns; Indonesian number habits), tableschema (a spec as a pandera
schema), validation (failure cases → problems), targets, crossfile and quarters (rules across
files), textfiles (the analyst's Markdown as UTF-8), frames (each CSV file's validated frame
and problems kept between runs), load (all of it for one run:
`load_inputs` → `Inputs`; `read_run` keeps data problems visible behind params problems).
hints holds the wording every problem shares.

May import: lkj.errors, lkj.paths, lkj.files.
"""
