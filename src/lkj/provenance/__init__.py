"""Provenance of every number: from the rendered book back to data rows, params and code.

- `record`   the build's record: commit, hashes of params and data files, versions, time
- `manifest` values.json: every value with its lineage, where it was shown, the build record
- `rows`     the data rows a value was computed from, with personal columns redacted
- `trace`    `lkj trace`: the lineage as a tree down to the raw rows; search by label
- `diff`     `lkj diff`: compare two builds' manifests value by value
- `panel`    the HTML provenance panel (values.js + script + style next to the pages)
- `jejak`    the "Jejak Angka" appendix (TableSpecs) of the PDF and HTML book
"""
