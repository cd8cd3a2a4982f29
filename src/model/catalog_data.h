/*
 * catalog_data.h — the compiled-in catalog entries (generated from
 * data/catalog/<system>.tsv by tools/gen_catalog.c into the build tree).
 *
 * gk_catalog_data is sorted by system, code, then year; the entries of
 * system s are gk_catalog_data[gk_catalog_offsets[s] .. gk_catalog_offsets[s+1]).
 */
#ifndef GK_CATALOG_DATA_H
#define GK_CATALOG_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "gongkai/catalog.h"

extern const gk_catalog_entry gk_catalog_data[];
extern const size_t gk_catalog_offsets[GK_CLASS__COUNT + 1];

#endif
