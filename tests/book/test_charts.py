"""Charts: figures without pyplot, Indonesian percentages, the values they print."""

from matplotlib.figure import Figure

from lkj.book.charts import pct_axis, subplots


def test_subplots_gives_a_figure_of_the_asked_size_without_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig, (ax,) = subplots(figsize=(6.5, 3.2))
    assert isinstance(fig, Figure) and ax.figure is fig
    assert tuple(fig.get_size_inches()) == (6.5, 3.2)
    assert plt.get_fignums() == before  # not registered with pyplot: Jupyter shows it once


def test_pct_axis_labels_ticks_as_indonesian_percentages():
    _, (ax,) = subplots(figsize=(4, 3))
    pct_axis(ax, "y")
    formatter = ax.yaxis.get_major_formatter()
    assert formatter(75, 0) == "75%"
    assert formatter(12.5, 0) == "13%"  # whole percent, rounded half up
    assert ax.xaxis.get_major_formatter()(75, 0) != "75%"
