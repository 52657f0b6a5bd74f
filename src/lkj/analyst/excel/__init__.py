"""The analyst's Excel workbook: `lkj template` writes it, `lkj import` reads it back into data/."""
