"""The notebook schema's names, readable without sqlite-utils.

Read commands open a notebook with ``sqlite3`` alone: sqlite-utils (and the plugin machinery it
loads) is a third of a command's start-up. They only need to know that every migration is applied;
``migrations`` (which needs sqlite-utils) runs only when one is pending, and checks at import that
its migrations are exactly these, in this order.
"""

MIGRATION_SET = "dprk_tracker"
MIGRATION_NAMES = (
    "m001_articles_events_figures",
    "m002_search",
    "m003_notes_tags",
    "m004_views",
    "m005_claim_groups",
    "m006_topic_lookups",
    "m007_read_at_scale",
    "m008_writer_counts",
    "m009_writer_indexes",
    "m010_writer_page_indexes",
    "m011_extractor_versions",
    "m012_search_index_on_text_changes",
    "m013_current_words_for_recent_groups",
)
SCHEMA_VERSION = len(MIGRATION_NAMES)

# Bumped whenever the extractors change what they produce: each article stores the version that read
# it, `tracker reextract` re-reads the others and `summary` counts them.
EXTRACTOR_VERSION = "6"

# A dated figure's span class: 0 up to 31 days, 1 up to 183 days, 2 longer (null: open or undated).
# Queries must spell it as indexed (m007) for SQLite to use the index.
FIGURE_SPAN_CLASS = (
    "((julianday(latest) - julianday(earliest) > 31) + (julianday(latest) - julianday(earliest) > 183))"
)
FIGURE_SPAN_DAYS = (31, 183)
