/*
 * rules.h — the checkers behind gk_check (internal).
 *
 * A checker reads the report and adds findings under the rule ids listed in
 * check.c's catalogue.  One file per family of rules.
 */
#ifndef GK_RULES_H
#define GK_RULES_H

#include "gongkai/check.h"

/* CLS001–CLS006: classification codes and names (classification.c). */
void gk_check_classification(const gk_report *r, gk_findings *out);

/* COMP001, FUND001, DOC001–DOC004: the document as a whole (document.c). */
void gk_check_document(const gk_report *r, gk_findings *out);

/* Is the document the budget or accounts of 行政 units only — a 单位
 * document, or a 部门 one whose text counts its 行政单位 ("行政单位1家",
 * "…本级（行政单位）") — with no 事业单位 among them (none counted, "事业单位
 * 4 家", none marked "（事业单位）", and the unit not described as one,
 * "…是…的事业单位")?  A 参照公务员法管理 事业单位 counts as 行政. */
bool gk_doc_single_admin(const gk_report *r);

/* NAR001–NAR011: the narrative's figures and claims (narrative.c); fills
 * out->narrative. */
void gk_check_narrative(const gk_report *r, gk_findings *out);

/* One mistake, one finding: the failed identities (out->items from `first`
 * on) that one change of one cell mends, folded into one (group.c). */
void gk_group_findings(gk_findings *out, size_t first);

/* Findings that stand on what OCR read are infos, not claims (scanned.c). */
void gk_doubt_scanned(gk_findings *out);

/* Each finding's quote (quote.c). */
void gk_quote_findings(gk_findings *out);

/* DOC007–DOC009, DOC013–DOC015: what reviewers find in the prose (wording.c). */
void gk_check_wording(const gk_report *r, gk_findings *out);

/* DOC010–DOC012: the form of the prose — heading numbers, brackets, final
 * stops (form.c). */
void gk_check_form(const gk_report *r, gk_findings *out);

/* PRF001–PRF006: the arithmetic of 绩效 tables (perf.c). */
void gk_check_perf(const gk_report *r, gk_findings *out);

/* Did the reader note, at this line, that it left something there unread
 * (a cell "不是金额，按空白处理", figures "未读取")?  A blank cell of a row
 * read there is not known to be blank (eval.c). */
bool gk_unread_at(const gk_report *r, gk_pos pos);

/* Does the figure name a table cell of r (data/narrative/subjects.txt)? */
struct gk_figure;
bool gk_narrative_binds(const gk_report *r, const struct gk_figure *f);

#endif
