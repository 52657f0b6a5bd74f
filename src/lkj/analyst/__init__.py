"""The analyst's tools: new quarter, Excel template and import, plausibility checks.

May import every stage below it (inputs … render); nothing imports it but lkj.cli.
"""
