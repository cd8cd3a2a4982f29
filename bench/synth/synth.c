/*
 * synth.c — a deterministic generator of synthetic 部门决算 documents.
 *
 *   synth --seed S --count N --out DIR [--mistakes-rate R] [--first K]
 *
 * Writes DIR/doc-00000.txt … shaped like examples/final-2024.txt (same
 * sections, same eleven tables, TAB-separated cells, amounts in 万元 with two
 * decimals, narrative 情况说明) with random but plausible figures: every
 * table identity and cross-table link holds to the cent, and every share,
 * growth rate and completion rate of the narrative is exact (rounded half up
 * to two decimals; growth = A / (current − A)).
 *
 * A fraction R of the documents (default 0.5) gets 1–3 planted mistakes;
 * DIR/manifest.jsonl has one line per document:
 *   {"file":"doc-00000.txt","mistakes":[{"kind":…,"line":N,"detail":…}]}
 * with the 1-based line of each mistake in the written file.
 *
 * Every document has its own PRNG state (splitmix64 of the seed and the
 * document's number), so document K is the same whatever --count is.
 * Amounts are int64 hundredths of 万元; no floating point touches them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef int64_t money; /* hundredths of 万元 */

/* ---- PRNG ------------------------------------------------------------------ */

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint64_t g_rng;

/* uniform in [lo, hi] */
static int64_t rnd(int64_t lo, int64_t hi)
{
    if (hi <= lo)
        return lo;
    uint64_t span = (uint64_t)(hi - lo) + 1;
    return lo + (int64_t)(splitmix64(&g_rng) % span);
}

/* true with probability pct/100 */
static int chance(int pct) { return rnd(0, 99) < pct; }

static size_t pick(size_t n) { return (size_t)rnd(0, (int64_t)n - 1); }

/* v scaled by a random factor in [lo_pct, hi_pct] percent */
static money scale(money v, int64_t lo_pct, int64_t hi_pct)
{
    return v * rnd(lo_pct, hi_pct) / 100;
}

/* ---- formatting -------------------------------------------------------------- */

_Noreturn static void die(const char *msg)
{
    fprintf(stderr, "synth: %s\n", msg);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q)
        die("out of memory");
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xrealloc(NULL, n);
    memcpy(p, s, n);
    return p;
}

/* A ring of small buffers for formatted numbers used inside one printf. */
static char g_ring[64][48];
static size_t g_ring_i;

static char *ring(void) { return g_ring[g_ring_i++ % 64]; }

/* 12345 → "123.45" */
static const char *A(money v)
{
    char *b = ring();
    const char *sign = v < 0 ? "-" : "";
    money a = v < 0 ? -v : v;
    snprintf(b, 48, "%s%lld.%02lld", sign, (long long)(a / 100), (long long)(a % 100));
    return b;
}

/* narrative amount: 0 is printed "0" (as the example does: "均为0万元") */
static const char *N(money v) { return v == 0 ? "0" : A(v); }

/* table cell: blank for zero */
static const char *C(money v) { return v == 0 ? "" : A(v); }

/* part / whole as hundredths of a percent, rounded half up */
static int64_t pct(money part, money whole)
{
    if (whole <= 0)
        return 0;
    return (part * 20000 + whole) / (2 * whole);
}

/* 10431 → "104.31%" */
static const char *P(int64_t p)
{
    char *b = ring();
    snprintf(b, 48, "%lld.%02lld%%", (long long)(p / 100), (long long)(p % 100));
    return b;
}

/* ---- the document: an array of lines -------------------------------------------- */

typedef struct {
    char **line;
    size_t n, cap;
} Doc;

static Doc D;

static size_t emit(const char *fmt, ...)
{
    char buf[8192];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= sizeof buf)
        die("line too long");
    if (D.n == D.cap) {
        D.cap = D.cap ? 2 * D.cap : 512;
        D.line = xrealloc(D.line, D.cap * sizeof *D.line);
    }
    D.line[D.n] = xstrdup(buf);
    return D.n++;
}

/* A paragraph built piece by piece, emitted as one line. */
static char g_par[8192];
static size_t g_par_n;

static void par_reset(void)
{
    g_par_n = 0;
    g_par[0] = 0;
}

static void par(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(g_par + g_par_n, sizeof g_par - g_par_n, fmt, ap);
    va_end(ap);
    if (k < 0 || g_par_n + (size_t)k >= sizeof g_par)
        die("paragraph too long");
    g_par_n += (size_t)k;
}

static size_t par_emit(void) { return emit("%s", g_par); }

/* ---- mistake sites ------------------------------------------------------------- */

enum {
    K_CELL,    /* table_cell: a table cell changed by ≥ 0.37 */
    K_NAMT,    /* narrative_amount */
    K_PCT,     /* narrative_percent: moved by ≥ 3 points */
    K_GROW,    /* growth_word: 增加 ↔ 减少 */
    K_CMP,     /* compare_word: 大于 ↔ 小于 */
    K_REMOVE,  /* table_removed */
    K_RESID,   /* residue_xx */
    K_STOP,    /* doubled_stop */
    K_NKINDS
};

static const char *const KIND_NAME[K_NKINDS] = {
    "table_cell", "narrative_amount", "narrative_percent", "growth_word",
    "compare_word", "table_removed", "residue_xx", "doubled_stop"};

typedef struct {
    int kind;
    size_t line;   /* index into D.line */
    size_t field;  /* K_CELL: TAB-separated field */
    money val;     /* K_CELL, K_NAMT: the amount; K_PCT: the percentage */
    char pre[96];  /* K_NAMT/K_PCT: text right before the figure; K_GROW/K_CMP/K_RESID: the words */
    char what[160];/* for the manifest */
    size_t end;    /* K_REMOVE: one past the table's last line */
} Site;

static Site *g_site;
static size_t g_nsite, g_capsite;

static Site *site(int kind, size_t line)
{
    if (g_nsite == g_capsite) {
        g_capsite = g_capsite ? 2 * g_capsite : 256;
        g_site = xrealloc(g_site, g_capsite * sizeof *g_site);
    }
    Site *s = &g_site[g_nsite++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->line = line;
    return s;
}

static void site_cell(size_t line, size_t field, money v, const char *what)
{
    if (v == 0)
        return;
    Site *s = site(K_CELL, line);
    s->field = field;
    s->val = v;
    snprintf(s->what, sizeof s->what, "%s", what);
}

/* pre: the text right before the figure in the paragraph being built */
static void site_text(int kind, size_t line, const char *pre, money v, const char *what)
{
    Site *s = site(kind, line);
    snprintf(s->pre, sizeof s->pre, "%s", pre);
    s->val = v;
    snprintf(s->what, sizeof s->what, "%s", what);
}

/* Sites noted while a paragraph is built: their line is the paragraph's. */
typedef struct {
    int kind;
    money val;
    char pre[96];
    char what[160];
} Pending;
static Pending g_pend[64];
static size_t g_npend;

static void pend(int kind, const char *pre, money v, const char *what)
{
    if (g_npend == 64)
        return;
    Pending *p = &g_pend[g_npend++];
    p->kind = kind;
    p->val = v;
    snprintf(p->pre, sizeof p->pre, "%s", pre);
    snprintf(p->what, sizeof p->what, "%s", what);
}

static size_t par_emit_sites(void)
{
    size_t l = par_emit();
    for (size_t i = 0; i < g_npend; i++)
        site_text(g_pend[i].kind, l, g_pend[i].pre, g_pend[i].val, g_pend[i].what);
    g_npend = 0;
    /* every narrative paragraph ending in 。 can get a doubled full stop */
    size_t n = strlen(D.line[l]);
    if (n >= 3 && strcmp(D.line[l] + n - 3, "。") == 0)
        site(K_STOP, l);
    return l;
}

/* ---- fixed catalog data ---------------------------------------------------------- */

typedef struct {
    const char *code, *name;
} CN;

/* the 26 支出 rows of 公开01表 / 公开04表 */
static const CN LEI[26] = {
    {"201", "一般公共服务支出"}, {"202", "外交支出"}, {"203", "国防支出"},
    {"204", "公共安全支出"}, {"205", "教育支出"}, {"206", "科学技术支出"},
    {"207", "文化旅游体育与传媒支出"}, {"208", "社会保障和就业支出"},
    {"210", "卫生健康支出"}, {"211", "节能环保支出"}, {"212", "城乡社区支出"},
    {"213", "农林水支出"}, {"214", "交通运输支出"}, {"215", "资源勘探工业信息等支出"},
    {"216", "商业服务业等支出"}, {"217", "金融支出"}, {"219", "援助其他地区支出"},
    {"220", "自然资源海洋气象等支出"}, {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"}, {"223", "国有资本经营预算支出"},
    {"224", "灾害防治及应急管理支出"}, {"229", "其他支出"}, {"231", "债务还本支出"},
    {"232", "债务付息支出"}, {"234", "抗疫特别国债安排的支出"}};

static const char *const CNUM[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
    "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三",
    "二十四", "二十五", "二十六"};

typedef struct {
    const char *suffix;   /* 医疗保障局 */
    const char *field;    /* 医疗保障 */
    const char *kuan;     /* the department's 款 */
    const char *kuan_name;
    CN proj[7];           /* candidate 项 for 项目支出 (the 行政运行 项 is kuan+"01") */
    const char *dept_of;  /* 股 names */
} Dept;

static const Dept DEPTS[] = {
    {"统计局", "统计", "20105", "统计信息事务",
     {{"2010502", "一般行政管理事务"}, {"2010505", "专项统计业务"}, {"2010507", "专项普查活动"},
      {"2010508", "统计抽样调查"}, {"2010599", "其他统计信息事务支出"}}, "综合统计股、普查中心"},
    {"财政局", "财政", "20106", "财政事务",
     {{"2010602", "一般行政管理事务"}, {"2010604", "预算改革业务"}, {"2010605", "财政国库业务"},
      {"2010607", "信息化建设"}, {"2010699", "其他财政事务支出"}}, "预算股、国库股"},
    {"审计局", "审计", "20108", "审计事务",
     {{"2010802", "一般行政管理事务"}, {"2010804", "审计业务"}, {"2010899", "其他审计事务支出"}},
     "财政审计股、经济责任审计股"},
    {"司法局", "司法行政", "20406", "司法",
     {{"2040602", "一般行政管理事务"}, {"2040604", "基层司法业务"}, {"2040605", "普法宣传"},
      {"2040607", "公共法律服务"}, {"2040610", "社区矫正"}, {"2040612", "法治建设"},
      {"2040699", "其他司法支出"}}, "法治督察股、社区矫正股"},
    {"教育局", "教育", "20501", "教育管理事务",
     {{"2050102", "一般行政管理事务"}, {"2050199", "其他教育管理事务支出"}}, "基础教育股、督导室"},
    {"科学技术局", "科技", "20601", "科学技术管理事务",
     {{"2060102", "一般行政管理事务"}, {"2060199", "其他科学技术管理事务支出"}}, "科技计划股"},
    {"民政局", "民政", "20802", "民政管理事务",
     {{"2080202", "一般行政管理事务"}, {"2080206", "社会组织管理"}, {"2080299", "其他民政管理事务支出"}},
     "社会救助股、养老服务股"},
    {"退役军人事务局", "退役军人服务", "20828", "退役军人管理事务",
     {{"2082802", "一般行政管理事务"}}, "移交安置股、褒扬纪念股"},
    {"医疗保障局", "医疗保障", "21015", "医疗保障管理事务",
     {{"2101502", "一般行政管理事务"}, {"2101504", "信息化建设"}, {"2101505", "医疗保障政策管理"},
      {"2101506", "医疗保障经办事务"}, {"2101599", "其他医疗保障管理事务支出"}},
     "待遇保障股、基金监管股"},
    {"生态环境局", "生态环境保护", "21101", "环境保护管理事务",
     {{"2110102", "一般行政管理事务"}, {"2110199", "其他环境保护管理事务支出"}}, "环境监测股、执法大队"},
    {"城市管理局", "城市管理", "21201", "城乡社区管理事务",
     {{"2120102", "一般行政管理事务"}, {"2120104", "城管执法"}, {"2120199", "其他城乡社区管理事务支出"}},
     "市容管理股、执法监督股"},
    {"农业农村局", "农业农村", "21301", "农业农村",
     {{"2130102", "一般行政管理事务"}}, "种植业股、农村经营管理股"},
    {"交通运输局", "交通运输", "21401", "公路水路运输",
     {{"2140102", "一般行政管理事务"}}, "综合运输股、公路管理股"},
    {"市场监督管理局", "市场监督管理", "20138", "市场监督管理事务",
     {{"2013802", "一般行政管理事务"}, {"2013804", "市场主体管理"}, {"2013805", "市场秩序执法"},
      {"2013899", "其他市场监督管理事务"}}, "登记注册股、食品安全股"},
    {"文化和旅游局", "文化和旅游", "20701", "文化和旅游",
     {{"2070102", "一般行政管理事务"}, {"2070104", "图书馆"}, {"2070108", "文化活动"},
      {"2070109", "群众文化"}}, "文化艺术股、旅游发展股"},
    {"自然资源局", "自然资源", "22001", "自然资源事务",
     {{"2200102", "一般行政管理事务"}, {"2200104", "自然资源规划及管理"},
      {"2200199", "其他自然资源事务支出"}}, "国土空间规划股、耕地保护股"},
    {"发展和改革局", "发展改革", "20104", "发展与改革事务",
     {{"2010402", "一般行政管理事务"}, {"2010499", "其他发展与改革事务支出"}}, "规划股、价格股"},
    {"应急管理局", "应急管理", "22401", "应急管理事务",
     {{"2240102", "一般行政管理事务"}}, "安全生产股、防灾减灾股"},
};
#define NDEPTS (sizeof DEPTS / sizeof DEPTS[0])

static const char *const PLACES[] = {"示例县", "样例县", "演示县", "模拟区", "测试市",
                                     "甲县", "乙县", "丙区", "丁市", "戊县"};
#define NPLACES (sizeof PLACES / sizeof PLACES[0])

static const char *lei_name(const char *code3)
{
    for (size_t i = 0; i < 26; i++)
        if (strncmp(LEI[i].code, code3, 3) == 0)
            return LEI[i].name;
    return "?";
}

/* the 基本支出表's economic codes, in its three column groups */
typedef struct {
    const char *code, *name;
} Econ;

static const Econ G1[] = {
    {"301", "工资福利支出"}, {"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30103", "奖金"},
    {"30106", "伙食补助费"}, {"30107", "绩效工资"}, {"30108", "机关事业单位基本养老保险缴费"},
    {"30109", "职业年金缴费"}, {"30110", "职工基本医疗保险缴费"}, {"30111", "公务员医疗补助缴费"},
    {"30112", "其他社会保障缴费"}, {"30113", "住房公积金"}, {"30114", "医疗费"},
    {"30199", "其他工资福利支出"}, {"303", "对个人和家庭的补助"}, {"30301", "离休费"},
    {"30302", "退休费"}, {"30303", "退职（役）费"}, {"30304", "抚恤金"}, {"30305", "生活补助"},
    {"30306", "救济费"}, {"30307", "医疗费补助"}, {"30308", "助学金"}, {"30309", "奖励金"},
    {"30310", "个人农业生产补贴"}, {"30311", "代缴社会保险费"}, {"30399", "其他对个人和家庭的补助"}};
static const Econ G2[] = {
    {"302", "商品和服务支出"}, {"30201", "办公费"}, {"30202", "印刷费"}, {"30203", "咨询费"},
    {"30204", "手续费"}, {"30205", "水费"}, {"30206", "电费"}, {"30207", "邮电费"},
    {"30208", "取暖费"}, {"30209", "物业管理费"}, {"30211", "差旅费"},
    {"30212", "因公出国（境）费用"}, {"30213", "维修（护）费"}, {"30214", "租赁费"},
    {"30215", "会议费"}, {"30216", "培训费"}, {"30217", "公务接待费"}, {"30218", "专用材料费"},
    {"30224", "被装购置费"}, {"30225", "专用燃料费"}, {"30226", "劳务费"}, {"30227", "委托业务费"},
    {"30228", "工会经费"}, {"30229", "福利费"}, {"30231", "公务用车运行维护费"},
    {"30239", "其他交通费用"}, {"30240", "税金及附加费用"}, {"30299", "其他商品和服务支出"}};
static const Econ G3[] = {
    {"307", "债务利息及费用支出"}, {"30701", "国内债务付息"}, {"30702", "国外债务付息"},
    {"310", "资本性支出"}, {"31001", "房屋建筑物购建"}, {"31002", "办公设备购置"},
    {"31003", "专用设备购置"}, {"31005", "基础设施建设"}, {"31006", "大型修缮"},
    {"31007", "信息网络及软件购置更新"}, {"31008", "物资储备"}, {"31009", "土地补偿"},
    {"31010", "安置补助"}, {"31011", "地上附着物和青苗补偿"}, {"31012", "拆迁补偿"},
    {"31013", "公务用车购置"}, {"31019", "其他交通工具购置"}, {"31021", "文物和陈列品购置"},
    {"31022", "无形资产购置"}, {"31099", "其他资本性支出"}, {"399", "其他支出"},
    {"39907", "国家赔偿费用支出"}, {"39908", "对民间非营利组织和群众性自治组织补贴"},
    {"39909", "经常性赠与"}, {"39910", "资本性赠与"}, {"39999", "其他支出"}};
#define NG1 (sizeof G1 / sizeof G1[0])
#define NG2 (sizeof G2 / sizeof G2[0])
#define NG3 (sizeof G3 / sizeof G3[0])

/* amounts of the economic codes, by group and index */
static money E1[NG1], E2[NG2], E3[NG3];

static money *econ(const char *code)
{
    for (size_t i = 0; i < NG1; i++)
        if (!strcmp(G1[i].code, code))
            return &E1[i];
    for (size_t i = 0; i < NG2; i++)
        if (!strcmp(G2[i].code, code))
            return &E2[i];
    for (size_t i = 0; i < NG3; i++)
        if (!strcmp(G3[i].code, code))
            return &E3[i];
    die("unknown economic code");
    return NULL;
}

/* class rows (3 digits) = Σ their 5-digit items */
static void econ_sums(const Econ *g, money *e, size_t n)
{
    size_t cls = 0;
    for (size_t i = 0; i < n; i++) {
        if (strlen(g[i].code) == 3) {
            cls = i;
            e[i] = 0;
        } else {
            e[cls] += e[i];
        }
    }
}

/* ---- the functional rows ---------------------------------------------------------- */

typedef struct {
    char code[8];
    char name[96];
    money inc, exp, basic, pers, pub, proj, budget, start, end;
    money other;   /* 其他收入, spent as 项目支出 of the row (not 财政拨款) */
    int is_proj;   /* a 项目支出 项 */
    char reason[160];
} Row;

static Row g_xiang[16];
static size_t g_nx;
static Row g_tree[48]; /* 类, 款 and 项 in code order, with sums */
static size_t g_nt;

static Row *add_xiang(const char *code, const char *name)
{
    Row *r = &g_xiang[g_nx++];
    memset(r, 0, sizeof *r);
    snprintf(r->code, sizeof r->code, "%s", code);
    snprintf(r->name, sizeof r->name, "%s", name);
    return r;
}

static int cmp_row(const void *a, const void *b)
{
    return strcmp(((const Row *)a)->code, ((const Row *)b)->code);
}

static void add_to(Row *t, const Row *x)
{
    t->inc += x->inc;
    t->exp += x->exp;
    t->basic += x->basic;
    t->pers += x->pers;
    t->pub += x->pub;
    t->proj += x->proj;
    t->budget += x->budget;
    t->other += x->other;
}

static const char *kuan_name_of(const char *k, const Dept *d)
{
    if (!strncmp(k, "20805", 5))
        return "行政事业单位养老支出";
    if (!strncmp(k, "21011", 5))
        return "行政事业单位医疗";
    if (!strncmp(k, "22102", 5))
        return "住房改革支出";
    if (!strncmp(k, d->kuan, 5))
        return d->kuan_name;
    die("unknown 款");
    return NULL;
}

static void build_tree(const Dept *d)
{
    qsort(g_xiang, g_nx, sizeof *g_xiang, cmp_row);
    g_nt = 0;
    char last_lei[4] = "", last_kuan[6] = "";
    for (size_t i = 0; i < g_nx; i++) {
        const Row *x = &g_xiang[i];
        if (strncmp(last_lei, x->code, 3) != 0) {
            Row *t = &g_tree[g_nt++];
            memset(t, 0, sizeof *t);
            memcpy(t->code, x->code, 3);
            snprintf(t->name, sizeof t->name, "%s", lei_name(x->code));
            memcpy(last_lei, x->code, 3);
        }
        if (strncmp(last_kuan, x->code, 5) != 0) {
            Row *t = &g_tree[g_nt++];
            memset(t, 0, sizeof *t);
            memcpy(t->code, x->code, 5);
            snprintf(t->name, sizeof t->name, "%s", kuan_name_of(x->code, d));
            memcpy(last_kuan, x->code, 5);
        }
        g_tree[g_nt++] = *x;
    }
    /* sums */
    for (size_t i = 0; i < g_nt; i++) {
        if (strlen(g_tree[i].code) != 7)
            continue;
        for (size_t j = 0; j < g_nt; j++) {
            size_t lj = strlen(g_tree[j].code);
            if (lj < 7 && !strncmp(g_tree[j].code, g_tree[i].code, lj))
                add_to(&g_tree[j], &g_tree[i]);
        }
    }
}

/* ---- the document's figures --------------------------------------------------------- */

typedef struct {
    char unit[64];
    const char *area; /* 全县 / 全区 / 全市 */
    const char *place_kind; /* 县 / 区 / 市 */
    const Dept *dept;
    int year;
    int staff_quota, staff;
    Row total; /* 合计 of the functional tables */
    money start, end; /* 年初/年末结转和结余 */
    money prev_total; /* 上年 收入/支出总计 */
    money prev_fiscal; /* 上年 财政拨款收入/支出总计 */
    money prev_gpb;   /* 上年 一般公共预算财政拨款支出 */
    money budget_total;
    /* 三公: 0 出国 1 车小计 2 车购置 3 车运行 4 接待 5 合计 */
    money tp_budget[6], tp_final[6], tp_prev[6];
    int trips, trip_people, cars_bought, cars, recep, recep_people;
    money office_prev;
    money proc_goods, proc_works, proc_serv, proc_sme, proc_small;
} Fig;

static Fig F;

static const char *const UP_REASONS[] = {
    "年中追加专项工作经费",
    "在职人员工资调整后相应缴费基数提高",
    "年中新增工作任务，追加相应预算",
    "使用了上年结转资金",
};
static const char *const DOWN_REASONS[] = {
    "严格执行过紧日子要求，压减一般性支出",
    "根据项目实施进度调减预算",
    "通过政府采购实现资金节约",
    "部分工作任务调整至下年实施",
};

static void make_figures(uint64_t docno)
{
    memset(&F, 0, sizeof F);
    g_nx = 0;
    size_t pl = pick(NPLACES);
    const char *place = PLACES[pl];
    F.dept = &DEPTS[pick(NDEPTS)];
    snprintf(F.unit, sizeof F.unit, "%s%s", place, F.dept->suffix);
    size_t plen = strlen(place);
    /* the last character of the place name: 县, 区 or 市 (3 bytes of UTF-8) */
    const char *kind = place + plen - 3;
    F.place_kind = !strcmp(kind, "区") ? "区" : !strcmp(kind, "市") ? "市" : "县";
    F.area = !strcmp(F.place_kind, "区") ? "全区" : !strcmp(F.place_kind, "市") ? "全市" : "全县";
    F.year = (int)rnd(2022, 2024);
    F.staff = chance(80) ? (int)rnd(6, 40) : (int)rnd(41, 150);
    F.staff_quota = F.staff + (int)rnd(0, 4);
    (void)docno;

    /* ---- 基本支出 by economic code (hundredths of 万元) */
    memset(E1, 0, sizeof E1);
    memset(E2, 0, sizeof E2);
    memset(E3, 0, sizeof E3);
    money base = (money)F.staff * rnd(380, 560);   /* 基本工资 */
    *econ("30101") = base;
    *econ("30102") = scale(base, 70, 100);
    *econ("30103") = chance(70) ? scale(base, 15, 30) : 0;
    *econ("30107") = chance(30) ? scale(base, 20, 40) : 0;
    money wage = *econ("30101") + *econ("30102") + *econ("30103") + *econ("30107");
    *econ("30108") = wage * 16 / 100;
    *econ("30109") = wage * 8 / 100;
    *econ("30110") = scale(wage, 5, 8);
    *econ("30111") = chance(70) ? scale(wage, 2, 4) : 0;
    *econ("30112") = chance(60) ? scale(wage, 1, 2) : 0;
    *econ("30113") = wage * 12 / 100;
    *econ("30199") = chance(50) ? scale(wage, 2, 6) : 0;
    *econ("30305") = chance(40) ? rnd(50, 400) : 0;
    *econ("30309") = chance(20) ? rnd(50, 300) : 0;

    static const char *const PUB_OPT[] = {"30202", "30205", "30206", "30207", "30208", "30209",
                                          "30213", "30214", "30215", "30216", "30218", "30226",
                                          "30227", "30228", "30229", "30239", "30299"};
    *econ("30201") = (money)F.staff * rnd(40, 90);
    *econ("30211") = (money)F.staff * rnd(20, 60);
    for (size_t i = 0; i < sizeof PUB_OPT / sizeof PUB_OPT[0]; i++)
        if (chance(55))
            *econ(PUB_OPT[i]) = rnd(20, 80) * (money)F.staff / 3 + rnd(0, 99);
    *econ("30228") = *econ("30228") ? wage * 2 / 100 : 0;
    F.cars = chance(80) ? (int)rnd(1, 4) : 0;
    *econ("30231") = F.cars ? (money)F.cars * rnd(120, 320) : 0;
    *econ("30217") = rnd(30, 200);
    F.trips = chance(15) ? (int)rnd(1, 2) : 0;
    F.trip_people = F.trips ? F.trips * (int)rnd(2, 5) : 0;
    *econ("30212") = F.trips ? (money)F.trip_people * rnd(150, 400) : 0;
    F.cars_bought = F.cars && chance(15) ? 1 : 0;
    *econ("31013") = F.cars_bought ? rnd(1200, 2500) : 0;
    *econ("31002") = chance(60) ? rnd(50, 600) : 0;
    *econ("31007") = chance(25) ? rnd(100, 900) : 0;
    econ_sums(G1, E1, NG1);
    econ_sums(G2, E2, NG2);
    econ_sums(G3, E3, NG3);
    money pers = *econ("301") + *econ("303");
    money pub = *econ("302") + *econ("307") + *econ("310") + *econ("399");

    /* ---- 项 rows */
    const Dept *d = F.dept;
    Row *r;
    r = add_xiang("2080505", "机关事业单位基本养老保险缴费支出");
    r->pers = *econ("30108");
    r = add_xiang("2080506", "机关事业单位职业年金缴费支出");
    r->pers = *econ("30109");
    r = add_xiang("2101101", "行政单位医疗");
    r->pers = *econ("30110");
    if (*econ("30111")) {
        r = add_xiang("2101103", "公务员医疗补助");
        r->pers = *econ("30111");
    }
    r = add_xiang("2210201", "住房公积金");
    r->pers = *econ("30113");
    char code[8];
    snprintf(code, sizeof code, "%s01", d->kuan);
    Row *run = add_xiang(code, "行政运行");
    run->pers = pers - *econ("30108") - *econ("30109") - *econ("30110") - *econ("30111") -
                *econ("30113");
    run->pub = pub;
    size_t ncand = 0;
    while (ncand < 7 && d->proj[ncand].code)
        ncand++;
    size_t nproj = 1 + pick(ncand < 4 ? ncand : 4);
    size_t chosen[7] = {0};
    for (size_t k = 0; k < nproj;) {
        size_t c = pick(ncand);
        if (chosen[c])
            continue;
        chosen[c] = 1;
        k++;
    }
    Row *proj[7];
    size_t np = 0;
    for (size_t c = 0; c < ncand; c++) {
        if (!chosen[c])
            continue;
        r = add_xiang(d->proj[c].code, d->proj[c].name);
        r->is_proj = 1;
        r->proj = (money)F.staff * rnd(100, 1500) + rnd(0, 99);
        proj[np++] = r;
    }
    /* carry-overs: into one project, out of another */
    if (np >= 2 || chance(50)) {
        size_t i = pick(np);
        if (chance(70)) {
            proj[i]->start = scale(proj[i]->proj, 5, 30);
            F.start = proj[i]->start;
        }
        size_t j = pick(np);
        if (np >= 2 && j == i)
            j = (j + 1) % np;
        if ((np >= 2 || !F.start) && chance(75)) {
            proj[j]->end = scale(proj[j]->proj, 5, 30);
            F.end = proj[j]->end;
        }
    }
    /* some units also have 其他收入 (interest, refunds), spent on a project */
    if (chance(30)) {
        Row *o = proj[pick(np)];
        o->other = scale(o->proj, 5, 40) + rnd(1, 99);
    }
    for (size_t i = 0; i < g_nx; i++) {
        r = &g_xiang[i];
        r->basic = r->pers + r->pub;
        r->exp = r->basic + r->proj;
        r->inc = r->exp + r->end - r->start;
        /* 年初预算 */
        int how = (int)rnd(0, 9);
        if (how == 0)
            r->budget = r->exp;
        else if (r->is_proj)
            r->budget = scale(r->exp, 60, 150) + rnd(0, 99);
        else
            r->budget = scale(r->exp, 92, 108) + rnd(0, 9);
        if (r->budget <= 0)
            r->budget = r->exp;
        if (r->budget != r->exp) {
            const char *const *rs = r->exp > r->budget ? UP_REASONS : DOWN_REASONS;
            snprintf(r->reason, sizeof r->reason, "%s", rs[pick(4)]);
        }
    }
    build_tree(d);
    for (size_t i = 0; i < g_nt; i++)
        if (strlen(g_tree[i].code) == 3)
            add_to(&F.total, &g_tree[i]);
    F.budget_total = F.total.budget;

    /* ---- prior year */
    money tot = F.total.inc + F.total.other + F.start;
    do
        F.prev_total = scale(tot, 75, 125) + rnd(0, 99);
    while (F.prev_total == tot);
    money ftot = F.total.inc + F.start;
    if (F.total.other == 0)
        F.prev_fiscal = F.prev_total;
    else
        do
            F.prev_fiscal = F.prev_total - scale(F.total.other, 50, 150) - rnd(0, 99);
        while (F.prev_fiscal == ftot || F.prev_fiscal <= 0);
    do
        F.prev_gpb = scale(F.total.exp, 75, 125) + rnd(0, 99);
    while (F.prev_gpb == F.total.exp);

    /* ---- 三公 */
    F.tp_final[0] = *econ("30212");
    F.tp_final[2] = *econ("31013");
    F.tp_final[3] = *econ("30231");
    F.tp_final[4] = *econ("30217");
    for (int k = 0; k < 5; k++) {
        if (k == 1)
            continue;
        money v = F.tp_final[k];
        F.tp_budget[k] = v == 0 ? 0 : chance(20) ? v : scale(v, 90, 140) + rnd(0, 9);
        F.tp_prev[k] = v == 0 ? 0 : chance(10) ? v : scale(v, 70, 130) + rnd(0, 9);
    }
    money *tt[3] = {F.tp_budget, F.tp_final, F.tp_prev};
    for (int t = 0; t < 3; t++) {
        tt[t][1] = tt[t][2] + tt[t][3];
        tt[t][5] = tt[t][0] + tt[t][1] + tt[t][4];
    }
    F.recep = (int)rnd(2, 30);
    F.recep_people = F.recep * (int)rnd(3, 8);
    if (chance(5))
        F.office_prev = pub; /* 与上年持平 */
    else
        do
            F.office_prev = scale(pub, 80, 120) + rnd(0, 9);
        while (F.office_prev == pub);
    /* a car bought this year after none last year: an increase from zero, no rate */
    if (F.tp_final[2] && chance(50)) {
        F.tp_prev[2] = 0;
        F.tp_prev[1] = F.tp_prev[2] + F.tp_prev[3];
        F.tp_prev[5] = F.tp_prev[0] + F.tp_prev[1] + F.tp_prev[4];
    }

    /* ---- 政府采购 */
    F.proc_goods = rnd(200, 3000);
    F.proc_works = chance(15) ? rnd(500, 5000) : 0;
    F.proc_serv = chance(85) ? rnd(300, 8000) : 0;
    money ptot = F.proc_goods + F.proc_works + F.proc_serv;
    F.proc_sme = scale(ptot, 50, 100);
    F.proc_small = scale(F.proc_sme, 40, 100);
}

/* ---- the tables -------------------------------------------------------------------- */

typedef struct {
    size_t start, end;
    const char *name;
} Range;
static Range g_tables[11];

static void table_head(int no, const char *title)
{
    g_tables[no - 1].start = emit("%s", title);
    g_tables[no - 1].name = title;
    emit("公开%02d表", no);
    emit("金额单位：万元");
}

static void table_end(int no)
{
    g_tables[no - 1].end = emit("%s", "") + 1;
}

/* a 类's expenditure: all (公开01表) or 财政拨款 only (公开04表) */
static money lei_exp(const char *code3, int all)
{
    for (size_t i = 0; i < g_nt; i++)
        if (strlen(g_tree[i].code) == 3 && !strcmp(g_tree[i].code, code3))
            return g_tree[i].exp + (all ? g_tree[i].other : 0);
    return 0;
}

static const char *lei_row_value(const char *code3, int all) { return C(lei_exp(code3, all)); }

static void t01(void)
{
    static const char *const INC[8] = {
        "一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入",
        "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入",
        "六、经营收入", "七、附属单位上缴收入", "八、其他收入"};
    table_head(1, "收入支出决算总表");
    emit("收入\t\t\t支出\t\t");
    emit("项目\t行次\t金额\t项目\t行次\t金额");
    emit("栏次\t\t1\t栏次\t\t2");
    for (int i = 0; i < 26; i++) {
        const char *lname = LEI[i].name;
        char cell[48];
        snprintf(cell, sizeof cell, "%s", lei_row_value(LEI[i].code, 1));
        size_t l;
        if (i < 8)
            l = emit("%s\t%d\t%s\t%s、%s\t%d\t%s", INC[i], i + 1,
                     i == 0 ? A(F.total.inc) : i == 7 ? C(F.total.other) : "", CNUM[i], lname,
                     32 + i, cell);
        else
            l = emit("\t%d\t\t%s、%s\t%d\t%s", i + 1, CNUM[i], lname, 32 + i, cell);
        if (cell[0]) {
            char w[160];
            snprintf(w, sizeof w, "公开01表 %s 金额", lname);
            site_cell(l, 5, lei_exp(LEI[i].code, 1), w);
        }
    }
    money oth = F.total.other;
    size_t lt = emit("本年收入合计\t27\t%s\t本年支出合计\t58\t%s", A(F.total.inc + oth),
                     A(F.total.exp + oth));
    site_cell(lt, 2, F.total.inc + oth, "公开01表 本年收入合计");
    site_cell(lt, 5, F.total.exp + oth, "公开01表 本年支出合计");
    emit("使用非财政拨款结余（含专用结余）\t28\t\t结余分配\t59\t");
    emit("年初结转和结余\t29\t%s\t年末结转和结余\t60\t%s", C(F.start), C(F.end));
    emit("\t30\t\t\t61\t");
    money tot = F.total.inc + oth + F.start;
    emit("总计\t31\t%s\t总计\t62\t%s", A(tot), A(tot));
    table_end(1);
}

static void t02(void)
{
    table_head(2, "收入决算表");
    emit("项目\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入");
    emit("功能分类科目代码\t科目名称\t\t\t\t\t\t\t");
    emit("\t栏次\t1\t2\t3\t4\t5\t6\t7");
    emit("\t合计\t%s\t%s\t\t\t\t\t%s", A(F.total.inc + F.total.other), A(F.total.inc),
         C(F.total.other));
    for (size_t i = 0; i < g_nt; i++) {
        const Row *r = &g_tree[i];
        size_t l = emit("%s\t%s\t%s\t%s\t\t\t\t\t%s", r->code, r->name, C(r->inc + r->other),
                        C(r->inc), C(r->other));
        {
            char w[160];
            snprintf(w, sizeof w, "公开02表 %.7s %.60s 本年收入合计", r->code, r->name);
            site_cell(l, 2, r->inc + r->other, w);
            snprintf(w, sizeof w, "公开02表 %.7s %.60s 财政拨款收入", r->code, r->name);
            site_cell(l, 3, r->inc, w);
        }
    }
    table_end(2);
}

static void t03(void)
{
    table_head(3, "支出决算表");
    emit("项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出");
    emit("功能分类科目代码\t科目名称\t\t\t\t\t\t");
    emit("\t栏次\t1\t2\t3\t4\t5\t6");
    emit("\t合计\t%s\t%s\t%s\t\t\t", A(F.total.exp + F.total.other), C(F.total.basic),
         C(F.total.proj + F.total.other));
    for (size_t i = 0; i < g_nt; i++) {
        const Row *r = &g_tree[i];
        size_t l = emit("%s\t%s\t%s\t%s\t%s\t\t\t", r->code, r->name, C(r->exp + r->other),
                        C(r->basic), C(r->proj + r->other));
        {
            char w[160];
            snprintf(w, sizeof w, "公开03表 %.7s %.60s 本年支出合计", r->code, r->name);
            site_cell(l, 2, r->exp + r->other, w);
            snprintf(w, sizeof w, "公开03表 %.7s %.60s 基本支出", r->code, r->name);
            site_cell(l, 3, r->basic, w);
            snprintf(w, sizeof w, "公开03表 %.7s %.60s 项目支出", r->code, r->name);
            site_cell(l, 4, r->proj + r->other, w);
        }
    }
    table_end(3);
}

static void t04(void)
{
    table_head(4, "财政拨款收入支出决算总表");
    emit("收入\t\t\t支出\t\t\t\t\t");
    emit("项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款");
    emit("栏次\t\t1\t栏次\t\t2\t3\t4\t5");
    static const char *const INC[3] = {"一、一般公共预算财政拨款", "二、政府性基金预算财政拨款",
                                       "三、国有资本经营预算财政拨款"};
    for (int i = 0; i < 26; i++) {
        char v[48];
        snprintf(v, sizeof v, "%s", lei_row_value(LEI[i].code, 0));
        emit("%s\t%d\t%s\t%s、%s\t%d\t%s\t%s\t\t", i < 3 ? INC[i] : "", i + 1,
             i == 0 ? A(F.total.inc) : "", CNUM[i], LEI[i].name, 33 + i, v, v);
    }
    emit("本年收入合计\t27\t%s\t本年支出合计\t59\t%s\t%s\t\t", A(F.total.inc), A(F.total.exp),
         A(F.total.exp));
    emit("年初财政拨款结转和结余\t28\t%s\t年末财政拨款结转和结余\t60\t%s\t%s\t\t", C(F.start),
         C(F.end), C(F.end));
    emit("一般公共预算财政拨款\t29\t%s\t\t61\t\t\t\t", C(F.start));
    emit("政府性基金预算财政拨款\t30\t\t\t62\t\t\t\t");
    emit("国有资本经营预算财政拨款\t31\t\t\t63\t\t\t\t");
    money tot = F.total.inc + F.start;
    emit("总计\t32\t%s\t总计\t64\t%s\t%s\t\t", A(tot), A(tot), A(tot));
    table_end(4);
}

static void t05(void)
{
    table_head(5, "一般公共预算财政拨款支出决算表");
    emit("项目\t\t本年支出\t\t\t\t");
    emit("功能分类科目代码\t科目名称\t小计\t基本支出\t人员经费\t公用经费\t项目支出");
    emit("\t栏次\t1\t2\t3\t4\t5");
    emit("\t合计\t%s\t%s\t%s\t%s\t%s", A(F.total.exp), C(F.total.basic), C(F.total.pers),
         C(F.total.pub), C(F.total.proj));
    for (size_t i = 0; i < g_nt; i++) {
        const Row *r = &g_tree[i];
        size_t l = emit("%s\t%s\t%s\t%s\t%s\t%s\t%s", r->code, r->name, C(r->exp), C(r->basic),
                        C(r->pers), C(r->pub), C(r->proj));
        {
            char w[160];
            snprintf(w, sizeof w, "公开05表 %.7s %.60s 人员经费", r->code, r->name);
            site_cell(l, 4, r->pers, w);
            snprintf(w, sizeof w, "公开05表 %.7s %.60s 项目支出", r->code, r->name);
            site_cell(l, 6, r->proj, w);
        }
    }
    table_end(5);
}

static void group_cell(char *out, size_t cap, const Econ *g, const money *e, size_t n, size_t i)
{
    if (i < n)
        snprintf(out, cap, "%s\t%s\t%s", g[i].code, g[i].name, C(e[i]));
    else
        snprintf(out, cap, "\t\t");
}

static void t06(void)
{
    table_head(6, "一般公共预算财政拨款基本支出决算表");
    emit("科目代码\t科目名称\t金额\t科目代码\t科目名称\t金额\t科目代码\t科目名称\t金额");
    size_t rows = NG1 > NG2 ? NG1 : NG2;
    for (size_t i = 0; i < rows; i++) {
        char a[160], b[160], c[160];
        group_cell(a, sizeof a, G1, E1, NG1, i);
        group_cell(b, sizeof b, G2, E2, NG2, i);
        group_cell(c, sizeof c, G3, E3, NG3, i);
        size_t l = emit("%s\t%s\t%s", a, b, c);
        char w[160];
        if (i < NG1 && strlen(G1[i].code) == 5) {
            snprintf(w, sizeof w, "公开06表 %s %s", G1[i].code, G1[i].name);
            site_cell(l, 2, E1[i], w);
        }
        if (i < NG2 && strlen(G2[i].code) == 5) {
            snprintf(w, sizeof w, "公开06表 %s %s", G2[i].code, G2[i].name);
            site_cell(l, 5, E2[i], w);
        }
    }
    emit("\t人员经费合计\t%s\t\t公用经费合计\t%s\t\t\t", A(F.total.pers), A(F.total.pub));
    table_end(6);
}

static void t_empty(int no, const char *title, const char *fund)
{
    table_head(no, title);
    emit("项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余");
    emit("功能分类科目代码\t科目名称\t\t\t小计\t基本支出\t项目支出\t");
    emit("\t栏次\t1\t2\t3\t4\t5\t6");
    emit("\t合计\t\t\t\t\t\t");
    emit("注：%s%d年度没有使用%s预算财政拨款安排的支出，故本表无数据。", F.unit, F.year, fund);
    table_end(no);
}

static void t09(void)
{
    table_head(9, "财政拨款\"三公\"经费支出决算表");
    emit("预算数\t\t\t\t\t\t决算数\t\t\t\t\t");
    emit("合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费");
    emit("\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t");
    emit("1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12");
    const money *b = F.tp_budget, *f = F.tp_final;
    size_t l = emit("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", A(b[5]), A(b[0]), A(b[1]),
                    A(b[2]), A(b[3]), A(b[4]), A(f[5]), A(f[0]), A(f[1]), A(f[2]), A(f[3]),
                    A(f[4]));
    site_cell(l, 0, b[5], "公开09表 预算数 合计");
    site_cell(l, 4, b[3], "公开09表 预算数 公务用车运行维护费");
    site_cell(l, 5, b[4], "公开09表 预算数 公务接待费");
    site_cell(l, 6, f[5], "公开09表 决算数 合计");
    site_cell(l, 10, f[3], "公开09表 决算数 公务用车运行维护费");
    site_cell(l, 11, f[4], "公开09表 决算数 公务接待费");
    emit("注：预算数为\"三公\"经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。");
    emit("相关统计数：");
    emit("项目\t统计数\t项目\t统计数");
    emit("因公出国（境）团组数（个）\t%d\t因公出国（境）人次数（人）\t%d", F.trips, F.trip_people);
    emit("公务用车购置数（辆）\t%d\t公务用车保有量（辆）\t%d", F.cars_bought, F.cars);
    emit("国内公务接待批次（个）\t%d\t国内公务接待人次（人）\t%d", F.recep, F.recep_people);
    table_end(9);
}

static void t10(void)
{
    table_head(10, "机关运行经费支出情况表");
    emit("项目\t\t机关运行经费支出决算数");
    emit("经济分类编码\t经济分类名称\t");
    emit("\t栏次\t1");
    emit("\t合计\t%s", A(F.total.pub));
    for (size_t i = 0; i < NG2; i++) {
        size_t l = emit("%s\t%s\t%s", G2[i].code, G2[i].name, C(E2[i]));
        if (strlen(G2[i].code) == 5) {
            char w[160];
            snprintf(w, sizeof w, "公开10表 %s %s", G2[i].code, G2[i].name);
            site_cell(l, 2, E2[i], w);
        }
    }
    for (size_t i = 0; i < NG3; i++)
        if (strlen(G3[i].code) == 3 || E3[i])
            emit("%s\t%s\t%s", G3[i].code, G3[i].name, C(E3[i]));
    table_end(10);
}

static void t11(void)
{
    table_head(11, "政府采购支出情况表");
    money tot = F.proc_goods + F.proc_works + F.proc_serv;
    emit("政府采购支出信息\t行次\t金额");
    emit("栏次\t\t1");
    size_t l0 = emit("（一）政府采购支出合计\t1\t%s", A(tot));
    site_cell(l0, 2, tot, "公开11表 政府采购支出合计");
    size_t l = emit("1.政府采购货物支出\t2\t%s", C(F.proc_goods));
    site_cell(l, 2, F.proc_goods, "公开11表 政府采购货物支出");
    emit("2.政府采购工程支出\t3\t%s", C(F.proc_works));
    l = emit("3.政府采购服务支出\t4\t%s", C(F.proc_serv));
    site_cell(l, 2, F.proc_serv, "公开11表 政府采购服务支出");
    emit("（二）政府采购授予中小企业合同金额\t5\t%s", C(F.proc_sme));
    emit("其中：授予小微企业合同金额\t6\t%s", C(F.proc_small));
    table_end(11);
}

/* ---- the narrative ------------------------------------------------------------------ */

/* "增加A万元，增长B%" or "减少A万元，下降B%" for cur against prev (prev > 0, cur ≠ prev) */
static void change(const char *lead, money cur, money prev, const char *what)
{
    money a = cur - prev;
    int up = a > 0;
    money abs_a = up ? a : -a;
    char pre[96], w[160];
    snprintf(pre, sizeof pre, "%s%s", lead, up ? "增加" : "减少");
    snprintf(w, sizeof w, "%s 增减额", what);
    pend(K_GROW, pre, 0, w);
    par("%s%s%s万元，", lead, up ? "增加" : "减少", A(abs_a));
    snprintf(pre, sizeof pre, "%s", up ? "增长" : "下降");
    snprintf(w, sizeof w, "%s 增长率", what);
    pend(K_PCT, pre, pct(abs_a, prev), w);
    par("%s%s", up ? "增长" : "下降", P(pct(abs_a, prev)));
}

static const char *const TOTAL_REASONS_UP =
    "一是新增重点工作任务相应增加项目资金；二是在职人员工资调整及社会保险缴费基数提高";
static const char *const TOTAL_REASONS_DOWN =
    "一是严格落实过紧日子要求，压减一般性支出；二是部分项目完成后不再安排资金";

static void narrative(void)
{
    int y = F.year;
    money oth = F.total.other;
    money inc_all = F.total.inc + oth, exp_all = F.total.exp + oth;
    money tot = inc_all + F.start;     /* 收入、支出总计 */
    money ftot = F.total.inc + F.start; /* 财政拨款收入、支出总计 */
    char w[160];

    emit("第三部分 %d年度部门决算情况说明", y);
    emit("%s", "");
    emit("一、收入支出决算总体情况说明");
    emit("%s", "");
    par_reset();
    pend(K_NAMT, "总计均为", tot, "说明一 收入、支出总计");
    par("%d年度收入、支出总计均为%s万元。与上年相比，", y, A(tot));
    change("收入、支出总计各", tot, F.prev_total, "说明一 收入、支出总计");
    par("。主要原因是：%s。其中：", tot > F.prev_total ? TOTAL_REASONS_UP : TOTAL_REASONS_DOWN);
    pend(K_NAMT, "本年收入合计", inc_all, "说明一 本年收入合计");
    par("本年收入合计%s万元，年初结转和结余%s万元；", A(inc_all), N(F.start));
    pend(K_NAMT, "本年支出合计", exp_all, "说明一 本年支出合计");
    par("本年支出合计%s万元，年末结转和结余%s万元。", A(exp_all), N(F.end));
    par_emit_sites();
    emit("%s", "");

    emit("二、收入决算情况说明");
    emit("%s", "");
    par_reset();
    int64_t pf = pct(F.total.inc, inc_all), po = pct(oth, inc_all);
    pend(K_NAMT, "其中：财政拨款收入", F.total.inc, "说明二 财政拨款收入");
    pend(K_PCT, "万元，占", pf, "说明二 财政拨款收入占比");
    par("%d年度本年收入合计%s万元，其中：财政拨款收入%s万元，占%s；", y, A(inc_all),
        A(F.total.inc), P(pf));
    if (oth) {
        pend(K_NAMT, "；其他收入", oth, "说明二 其他收入");
        par("其他收入%s万元，占%s，主要是银行存款利息等收入；上级补助收入、事业收入、经营收入和附属单位上缴收入均为0万元。",
            A(oth), P(po));
    } else {
        par("上级补助收入、事业收入、经营收入、附属单位上缴收入和其他收入均为0万元。");
    }
    par_emit_sites();
    emit("%s", "");

    emit("三、支出决算情况说明");
    emit("%s", "");
    par_reset();
    money proj_all = F.total.proj + oth;
    /* both shares rounded independently (they sum to 100 ± 0.01) */
    int64_t pb = pct(F.total.basic, exp_all), pp = pct(proj_all, exp_all);
    pend(K_NAMT, "其中：基本支出", F.total.basic, "说明三 基本支出");
    pend(K_PCT, "万元，占", pb, "说明三 基本支出占比");
    pend(K_NAMT, "；项目支出", proj_all, "说明三 项目支出");
    par("%d年度本年支出合计%s万元，其中：基本支出%s万元，占%s；项目支出%s万元，占%s。", y,
        A(exp_all), A(F.total.basic), P(pb), A(proj_all), P(pp));
    par_emit_sites();
    emit("%s", "");

    emit("四、财政拨款收入支出决算总体情况说明");
    emit("%s", "");
    par_reset();
    par("%d年度财政拨款收入、支出总计均为%s万元。与上年相比，", y, A(ftot));
    change("财政拨款收入、支出总计各", ftot, F.prev_fiscal, "说明四 财政拨款收入、支出总计");
    par("。主要原因是：%s。其中：", ftot > F.prev_fiscal ? TOTAL_REASONS_UP : TOTAL_REASONS_DOWN);
    par("年初财政拨款结转和结余%s万元，本年财政拨款收入%s万元；", N(F.start), A(F.total.inc));
    pend(K_NAMT, "本年财政拨款支出", F.total.exp, "说明四 本年财政拨款支出");
    par("本年财政拨款支出%s万元，年末财政拨款结转和结余%s万元。", A(F.total.exp), N(F.end));
    par_emit_sites();
    emit("%s", "");

    emit("五、一般公共预算财政拨款支出决算情况说明");
    emit("%s", "");
    emit("（一）一般公共预算财政拨款支出决算总体情况");
    emit("%s", "");
    par_reset();
    pend(K_NAMT, "一般公共预算财政拨款支出", F.total.exp, "说明五（一） 一般公共预算财政拨款支出");
    pend(K_PCT, "占本年支出合计的", pct(F.total.exp, exp_all), "说明五（一） 占本年支出合计");
    par("%d年度一般公共预算财政拨款支出%s万元，占本年支出合计的%s。与上年相比，", y,
        A(F.total.exp), P(pct(F.total.exp, exp_all)));
    change("一般公共预算财政拨款支出", F.total.exp, F.prev_gpb, "说明五（一） 一般公共预算财政拨款支出");
    par("。主要原因是：%s。", F.total.exp > F.prev_gpb ? TOTAL_REASONS_UP : TOTAL_REASONS_DOWN);
    par_emit_sites();
    emit("%s", "");
    emit("（二）一般公共预算财政拨款支出决算结构情况");
    emit("%s", "");
    par_reset();
    par("%d年度一般公共预算财政拨款支出主要用于以下方面：", y);
    size_t nlei = 0;
    for (size_t i = 0; i < g_nt; i++)
        if (strlen(g_tree[i].code) == 3)
            nlei++;
    size_t k = 0;
    for (size_t i = 0; i < g_nt; i++) {
        const Row *r = &g_tree[i];
        if (strlen(r->code) != 3)
            continue;
        char pre[96];
        snprintf(pre, sizeof pre, "%.80s（类）", r->name);   /* names are shorter; -O0 cannot tell */
        snprintf(w, sizeof w, "说明五（二） %s（类）", r->name);
        pend(K_NAMT, pre, r->exp, w);
        snprintf(pre, sizeof pre, "%s万元，占", A(r->exp));
        snprintf(w, sizeof w, "说明五（二） %s（类）占比", r->name);
        pend(K_PCT, pre, pct(r->exp, F.total.exp), w);
        par("%s（类）%s万元，占%s%s", r->name, A(r->exp), P(pct(r->exp, F.total.exp)),
            ++k == nlei ? "。" : "；");
    }
    par_emit_sites();
    emit("%s", "");
    emit("（三）一般公共预算财政拨款支出决算具体情况");
    emit("%s", "");
    par_reset();
    money bt = F.budget_total, et = F.total.exp;
    pend(K_PCT, "完成年初预算的", pct(et, bt), "说明五（三） 总完成率");
    par("%d年度一般公共预算财政拨款支出年初预算为%s万元，支出决算为%s万元，完成年初预算的%s。",
        y, A(bt), A(et), P(pct(et, bt)));
    if (et > bt) {
        pend(K_CMP, "决算数大于预算数", 0, "说明五（三） 总数比较");
        par("决算数大于预算数的主要原因是年中追加重点工作经费，并使用了上年结转资金。其中：");
    } else if (et < bt) {
        pend(K_CMP, "决算数小于预算数", 0, "说明五（三） 总数比较");
        par("决算数小于预算数的主要原因是严格执行过紧日子要求，压减一般性支出。其中：");
    } else {
        par("决算数等于预算数。其中：");
    }
    par_emit_sites();
    emit("%s", "");
    size_t lk = 0;
    for (size_t i = 0; i < g_nt; i++) {
        const Row *lei = &g_tree[i];
        if (strlen(lei->code) != 3)
            continue;
        emit("%zu.%s（类）", ++lk, lei->name);
        emit("%s", "");
        size_t n = 0;
        const char *kname = "";
        for (size_t j = i + 1; j < g_nt && strncmp(g_tree[j].code, lei->code, 3) == 0; j++) {
            const Row *r = &g_tree[j];
            if (strlen(r->code) == 5) {
                kname = r->name;
                continue;
            }
            par_reset();
            int64_t rate = pct(r->exp, r->budget);
            char pre[96];
            snprintf(pre, sizeof pre, "支出决算为");
            snprintf(w, sizeof w, "说明五（三） %s %s 支出决算", r->code, r->name);
            pend(K_NAMT, pre, r->exp, w);
            snprintf(w, sizeof w, "说明五（三） %s %s 完成率", r->code, r->name);
            pend(K_PCT, "完成年初预算的", rate, w);
            par("（%zu）%s（款）%s（项）。年初预算为%s万元，支出决算为%s万元，完成年初预算的%s。",
                ++n, kname, r->name, A(r->budget), A(r->exp), P(rate));
            snprintf(w, sizeof w, "说明五（三） %s %s 比较", r->code, r->name);
            if (r->exp > r->budget) {
                pend(K_CMP, "决算数大于预算数", 0, w);
                par("决算数大于预算数的主要原因是%s。", r->reason);
            } else if (r->exp < r->budget) {
                pend(K_CMP, "决算数小于预算数", 0, w);
                par("决算数小于预算数的主要原因是%s。", r->reason);
            } else {
                par("决算数等于预算数。");
            }
            par_emit_sites();
        }
        emit("%s", "");
    }

    emit("六、一般公共预算财政拨款基本支出决算情况说明");
    emit("%s", "");
    par_reset();
    pend(K_NAMT, "基本支出", F.total.basic, "说明六 基本支出");
    par("%d年度一般公共预算财政拨款基本支出%s万元，其中：人员经费%s万元，主要包括：", y,
        A(F.total.basic), A(F.total.pers));
    k = 0;
    for (size_t i = 0; i < NG1; i++)
        if (strlen(G1[i].code) == 5 && E1[i])
            par("%s%s", k++ ? "、" : "", G1[i].name);
    pend(K_NAMT, "；公用经费", F.total.pub, "说明六 公用经费");
    par("；公用经费%s万元，主要包括：", A(F.total.pub));
    k = 0;
    for (size_t i = 0; i < NG2; i++)
        if (strlen(G2[i].code) == 5 && E2[i])
            par("%s%s", k++ ? "、" : "", G2[i].name);
    for (size_t i = 0; i < NG3; i++)
        if (strlen(G3[i].code) == 5 && E3[i])
            par("%s%s", k++ ? "、" : "", G3[i].name);
    par("。");
    par_emit_sites();
    emit("%s", "");

    emit("七、政府性基金预算财政拨款收入支出决算情况说明");
    emit("%s", "");
    emit("%d年度，本部门没有使用政府性基金预算财政拨款安排的支出，政府性基金预算财政拨款收入支出决算表为空表。", y);
    emit("%s", "");
    emit("八、国有资本经营预算财政拨款收入支出决算情况说明");
    emit("%s", "");
    emit("%d年度，本部门没有使用国有资本经营预算财政拨款安排的支出，国有资本经营预算财政拨款收入支出决算表为空表。", y);
    emit("%s", "");

    /* 九 三公 */
    const money *b = F.tp_budget, *f = F.tp_final, *p = F.tp_prev;
    emit("九、财政拨款\"三公\"经费支出决算情况说明");
    emit("%s", "");
    emit("（一）\"三公\"经费支出总体情况说明");
    emit("%s", "");
    par_reset();
    pend(K_PCT, "完成预算的", pct(f[5], b[5]), "说明九（一） 三公完成率");
    par("%d年度财政拨款\"三公\"经费支出预算为%s万元，支出决算为%s万元，完成预算的%s。", y,
        A(b[5]), A(f[5]), P(pct(f[5], b[5])));
    if (f[5] < b[5]) {
        pend(K_CMP, "决算数小于预算数", 0, "说明九（一） 三公比较");
        par("决算数小于预算数的主要原因是严格执行中央八项规定精神，压减公务用车运行和公务接待支出。");
    } else if (f[5] > b[5]) {
        pend(K_CMP, "决算数大于预算数", 0, "说明九（一） 三公比较");
        par("决算数大于预算数的主要原因是承接上级部门检查调研等公务活动增多，使用了以前年度结转资金。");
    } else {
        par("决算数等于预算数。");
    }
    par("其中：");
    static const char *const TPN[5] = {"因公出国（境）费", "", "公务用车购置费",
                                       "公务用车运行维护费", "公务接待费"};
    static const int ORDER[4] = {0, 2, 3, 4};
    for (int q = 0; q < 4; q++) {
        int t = ORDER[q];
        par("%s预算为%s万元，支出决算为%s万元", TPN[t], N(b[t]), N(f[t]));
        if (b[t] > 0) {
            char pre[96];
            snprintf(pre, sizeof pre, "%s万元，完成预算的", N(f[t]));
            snprintf(w, sizeof w, "说明九（一） %s完成率", TPN[t]);
            pend(K_PCT, pre, pct(f[t], b[t]), w);
            par("，完成预算的%s", P(pct(f[t], b[t])));
        }
        par("%s", q == 3 ? "。" : "；");
    }
    par_emit_sites();
    emit("%s", "");
    emit("（二）\"三公\"经费支出具体情况说明");
    emit("%s", "");
    par_reset();
    par("%d年度财政拨款\"三公\"经费支出决算中，", y);
    {
        char pre[96];
        snprintf(pre, sizeof pre, "因公出国（境）费支出决算%s万元，占", N(f[0]));
        pend(K_PCT, pre, pct(f[0], f[5]), "说明九（二） 因公出国（境）费占比");
        snprintf(pre, sizeof pre, "公务用车购置及运行维护费支出决算%s万元，占", N(f[1]));
        pend(K_PCT, pre, pct(f[1], f[5]), "说明九（二） 公务用车购置及运行维护费占比");
        snprintf(pre, sizeof pre, "公务接待费支出决算%s万元，占", N(f[4]));
        pend(K_PCT, pre, pct(f[4], f[5]), "说明九（二） 公务接待费占比");
    }
    pend(K_NAMT, "公务接待费支出决算", f[4], "说明九（二） 公务接待费");
    par("因公出国（境）费支出决算%s万元，占%s；公务用车购置及运行维护费支出决算%s万元，占%s；公务接待费支出决算%s万元，占%s。具体情况如下：",
        N(f[0]), P(pct(f[0], f[5])), N(f[1]), P(pct(f[1], f[5])), N(f[4]), P(pct(f[4], f[5])));
    par_emit_sites();
    emit("%s", "");
    static const char *const TPR_UP[5] = {
        "根据工作安排开展对外交流考察", "", "按规定更新超过使用年限的公务用车",
        "车辆使用年限增加，维修费用上升", "承接上级部门检查调研等公务活动增多"};
    static const char *const TPR_DOWN[5] = {
        "严格控制因公出国（境）团组和人数", "", "公务用车购置计划减少",
        "严格公务用车使用管理，车辆燃料和维修费用减少", "严格执行公务接待标准，压减接待批次"};
    for (int q = 0; q < 4; q++) {
        int t = ORDER[q];
        par_reset();
        snprintf(w, sizeof w, "说明九（二） %s", TPN[t]);
        char pre[96];
        snprintf(pre, sizeof pre, "%d.%s支出", q + 1, TPN[t]);
        if (f[t])
            pend(K_NAMT, pre, f[t], w);
        par("%d.%s支出%s万元%s，", q + 1, TPN[t], N(f[t]), t == 4 ? "（全部为国内接待费）" : "");
        if (f[t] == p[t]) {
            par("与上年持平，主要原因是%s", t == 0 && f[t] == 0 ? "本部门无因公出国（境）任务"
                                        : t == 2 && f[t] == 0 ? "现有车辆能够满足工作需要"
                                                              : "相关工作保持稳定");
        } else if (p[t] == 0) {
            /* from zero: an amount, no growth rate */
            par("比上年增加%s万元，主要原因是%s", A(f[t]), TPR_UP[t]);
        } else {
            change("比上年", f[t], p[t], w);
            par("，主要原因是%s", f[t] > p[t] ? TPR_UP[t] : TPR_DOWN[t]);
        }
        if (t == 0)
            par("。全年使用财政拨款安排因公出国（境）团组%d个，累计%d人次。", F.trips,
                F.trip_people);
        else if (t == 2)
            par("，全年购置公务用车%d辆。", F.cars_bought);
        else if (t == 3)
            par("。主要用于公务用车的燃料费、维修费、过路过桥费、保险费等支出。截至%d年12月31日，公务用车保有量%d辆。",
                y, F.cars);
        else
            par("。全年国内公务接待%d批次，%d人次。", F.recep, F.recep_people);
        par_emit_sites();
    }
    emit("%s", "");
    emit("（三）\"三公\"经费增减变化情况说明");
    emit("%s", "");
    par_reset();
    par("%d年度财政拨款\"三公\"经费支出决算%s万元，", y, A(f[5]));
    if (f[5] == p[5]) {
        par("与上年持平。");
    } else {
        change("比上年", f[5], p[5], "说明九（三） 三公经费");
        par("，主要原因是%s。", f[5] > p[5] ? "公务活动增多，相关支出增加" : "严格控制\"三公\"经费支出");
    }
    par_emit_sites();
    emit("%s", "");

    emit("十、机关运行经费支出情况说明");
    emit("%s", "");
    par_reset();
    pend(K_NAMT, "机关运行经费支出", F.total.pub, "说明十 机关运行经费");
    par("%d年度，本部门机关运行经费支出%s万元，", y, A(F.total.pub));
    if (F.total.pub == F.office_prev) {
        par("与上年持平。");
    } else {
        change("比上年", F.total.pub, F.office_prev, "说明十 机关运行经费");
        par("，主要原因是%s。", F.total.pub > F.office_prev ? "办公设备购置及日常运转支出增加"
                                                           : "厉行节约，压减日常公用支出");
    }
    par_emit_sites();
    emit("%s", "");

    emit("十一、政府采购支出情况说明");
    emit("%s", "");
    par_reset();
    money ptot = F.proc_goods + F.proc_works + F.proc_serv;
    pend(K_NAMT, "政府采购支出总额", ptot, "说明十一 政府采购支出总额");
    pend(K_NAMT, "政府采购货物支出", F.proc_goods, "说明十一 货物支出");
    pend(K_PCT, "占政府采购支出总额的", pct(F.proc_sme, ptot), "说明十一 中小企业占比");
    pend(K_PCT, "占授予中小企业合同金额的", pct(F.proc_small, F.proc_sme), "说明十一 小微企业占比");
    par("%d年度，本部门政府采购支出总额%s万元，其中：政府采购货物支出%s万元、政府采购工程支出%s万元、政府采购服务支出%s万元。授予中小企业合同金额%s万元，占政府采购支出总额的%s，其中：授予小微企业合同金额%s万元，占授予中小企业合同金额的%s。",
        y, A(ptot), N(F.proc_goods), N(F.proc_works), N(F.proc_serv), N(F.proc_sme),
        P(pct(F.proc_sme, ptot)), N(F.proc_small), P(pct(F.proc_small, F.proc_sme)));
    par_emit_sites();
    emit("%s", "");

    emit("十二、国有资产占用情况说明");
    emit("%s", "");
    int law = F.cars ? (int)rnd(0, F.cars) : 0;
    emit("截至%d年12月31日，本部门共有车辆%d辆，其中：副部（省）级及以上领导用车0辆、主要负责人用车0辆、机要通信用车0辆、应急保障用车%d辆、执法执勤用车%d辆、特种专业技术用车0辆、离退休干部服务用车0辆、其他用车0辆；单价100万元（含）以上设备（不含车辆）0台（套）。",
         y, F.cars, F.cars - law, law);
    emit("%s", "");

    emit("十三、预算绩效管理情况说明");
    emit("%s", "");
    size_t nproj = 0;
    for (size_t i = 0; i < g_nt; i++)
        if (g_tree[i].is_proj)
            nproj++;
    size_t l = emit("根据预算绩效管理要求，%s组织对%d年度一般公共预算项目支出全面开展绩效自评，共涉及项目%zu个，资金%s万元，占一般公共预算项目支出总额的%s。自评结果如下：",
                    F.unit, y, nproj, A(F.total.proj), P(10000));
    Site *s = site(K_RESID, l);
    snprintf(s->pre, sizeof s->pre, "%s", F.unit);
    snprintf(s->what, sizeof s->what, "说明十三 单位名称");
    emit("%s", "");
    k = 0;
    for (size_t i = 0; i < g_nt; i++) {
        const Row *r = &g_tree[i];
        if (!r->is_proj)
            continue;
        par_reset();
        money budget = r->exp + r->end;
        int64_t rate = pct(r->exp, budget);
        par("（%zu）%s项目：全年预算数%s万元", ++k, r->name, A(budget));
        if (r->start)
            par("（含上年结转%s万元）", A(r->start));
        snprintf(w, sizeof w, "说明十三 %s 执行率", r->name);
        pend(K_PCT, "执行率", rate, w);
        par("，全年执行数%s万元，执行率%s，自评得分%d分", A(r->exp), P(rate), (int)rnd(80, 98));
        if (r->end)
            par("，未执行的%s万元结转下年使用", A(r->end));
        par("。");
        par_emit_sites();
    }
    emit("%s", "");
}

static const char *const GLOSSARY[] = {
    "一、财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
    "二、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
    "三、年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需要延迟到以后年度按有关规定继续使用的资金。",
    "四、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
    "五、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "六、\"三公\"经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映单位公务用车购置支出（含车辆购置税）及燃料费、维修费、过路过桥费、保险费等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
    "七、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务等的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
    "八、政府采购支出：指各级国家机关、事业单位和团体组织使用财政性资金采购依法制定的集中采购目录以内的或者采购限额标准以上的货物、工程和服务的支出。",
};

static void front(void)
{
    int y = F.year;
    emit("%s %d年度部门决算", F.unit, y);
    emit("%s", "");
    emit("目录");
    emit("%s", "");
    emit("第一部分 部门概况");
    emit("%s", "");
    emit("- 一、部门职责");
    emit("- 二、机构设置");
    emit("- 三、单位构成");
    emit("%s", "");
    emit("第二部分 %d年度部门决算公开报表", y);
    emit("%s", "");
    static const char *const TT[11] = {
        "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
        "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表",
        "财政拨款\"三公\"经费支出决算表", "机关运行经费支出情况表", "政府采购支出情况表"};
    for (int i = 0; i < 11; i++)
        emit("- %s、%s", CNUM[i], TT[i]);
    emit("%s", "");
    emit("第三部分 %d年度部门决算情况说明", y);
    emit("%s", "");
    static const char *const ST[13] = {
        "收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明",
        "财政拨款收入支出决算总体情况说明", "一般公共预算财政拨款支出决算情况说明",
        "一般公共预算财政拨款基本支出决算情况说明",
        "政府性基金预算财政拨款收入支出决算情况说明",
        "国有资本经营预算财政拨款收入支出决算情况说明",
        "财政拨款\"三公\"经费支出决算情况说明", "机关运行经费支出情况说明",
        "政府采购支出情况说明", "国有资产占用情况说明", "预算绩效管理情况说明"};
    for (int i = 0; i < 13; i++)
        emit("- %s、%s", CNUM[i], ST[i]);
    emit("%s", "");
    emit("第四部分 名词解释");
    emit("%s", "");
    emit("第一部分 部门概况");
    emit("%s", "");
    emit("一、部门职责");
    emit("%s", "");
    const char *fl = F.dept->field, *ar = F.area;
    emit("（1）贯彻执行国家和省、市关于%s工作的法律法规和方针政策，拟订%s%s事业发展规划和年度工作计划并组织实施。", fl, ar, fl);
    emit("（2）负责%s%s领域重大政策措施的研究和组织落实，指导、协调和监督%s相关工作。", ar, fl, fl);
    emit("（3）负责%s%s专项资金的管理和监督，会同有关部门做好资金绩效评价工作。", ar, fl);
    emit("（4）组织开展%s%s领域的监督检查，依法查处违法违规行为，维护人民群众合法权益。", ar, fl);
    emit("（5）负责%s%s信息化建设、统计分析和信息公开工作，推进政务服务事项网上办理。", ar, fl);
    emit("（6）组织开展%s%s政策宣传和业务培训，指导基层做好%s相关工作。", ar, fl, fl);
    emit("（7）完成%s委、%s政府交办的其他任务。", F.place_kind, F.place_kind);
    emit("%s", "");
    emit("二、机构设置");
    emit("%s", "");
    size_t l = emit("%s为%s政府工作部门，正科级，行政编制%d名，年末实有在职人员%d人，无离退休人员。",
                    F.unit, F.place_kind, F.staff_quota, F.staff);
    Site *s = site(K_RESID, l);
    snprintf(s->pre, sizeof s->pre, "%s", F.unit);
    snprintf(s->what, sizeof s->what, "第一部分 机构设置 单位名称");
    emit("%s", "");
    emit("机关内设机构4个，分别为：办公室、政策法规股、%s。", F.dept->dept_of);
    emit("%s", "");
    emit("三、单位构成");
    emit("%s", "");
    emit("纳入%d年度部门决算编制范围的预算单位共1个，为%s本级（行政单位），本部门决算为单位决算，不含汇总下属单位。",
         y, F.unit);
    emit("%s", "");
    emit("第二部分 %d年度部门决算公开报表", y);
    emit("%s", "");
    emit("（本套报表金额单位为万元，保留两位小数）");
    emit("%s", "");
}

static void glossary(void)
{
    emit("第四部分 名词解释");
    emit("%s", "");
    for (size_t i = 0; i < sizeof GLOSSARY / sizeof GLOSSARY[0]; i++) {
        emit("%s", GLOSSARY[i]);
        if (i + 1 < sizeof GLOSSARY / sizeof GLOSSARY[0])
            emit("%s", "");
    }
}

/* ---- planting mistakes ------------------------------------------------------------------- */

typedef struct {
    int kind;
    size_t line; /* index into D.line (after removal: adjusted) */
    char detail[1024];
} Planted;

static Planted g_pl[3];
static size_t g_npl;
static unsigned char *g_used; /* lines already holding a mistake */

/* replace the first `old` in line l by `new_` */
static int replace_in_line(size_t l, const char *old, const char *new_)
{
    char *p = strstr(D.line[l], old);
    if (!p)
        return 0;
    size_t n = strlen(D.line[l]), lo = strlen(old), ln = strlen(new_);
    char *out = xrealloc(NULL, n - lo + ln + 1);
    size_t at = (size_t)(p - D.line[l]);
    memcpy(out, D.line[l], at);
    memcpy(out + at, new_, ln);
    memcpy(out + at + ln, p + lo, n - at - lo + 1);
    free(D.line[l]);
    D.line[l] = out;
    return 1;
}

/* a delta of at least 0.37 (in hundredths) keeping v ≥ 0 */
static money delta_for(money v)
{
    money dlt = rnd(37, v > 400 ? v / 4 : 400);
    if (v - dlt >= 0 && chance(50))
        return -dlt;
    return dlt;
}

static int plant_site(const Site *s, Planted *pl)
{
    char old[256], new_[256];
    switch (s->kind) {
    case K_CELL: {
        /* split the line on TABs, change field s->field */
        char *line = D.line[s->line];
        size_t f = 0;
        char *p = line, *q;
        while (f < s->field && (q = strchr(p, '\t')) != NULL) {
            p = q + 1;
            f++;
        }
        if (f != s->field)
            return 0;
        q = strchr(p, '\t');
        size_t flen = q ? (size_t)(q - p) : strlen(p);
        money nv = s->val + delta_for(s->val);
        const char *nvs = A(nv);
        size_t n = strlen(line), ln = strlen(nvs);
        char *out = xrealloc(NULL, n - flen + ln + 1);
        size_t at = (size_t)(p - line);
        memcpy(out, line, at);
        memcpy(out + at, nvs, ln);
        memcpy(out + at + ln, p + flen, n - at - flen + 1);
        free(D.line[s->line]);
        D.line[s->line] = out;
        snprintf(pl->detail, sizeof pl->detail, "%s: %s → %s", s->what, A(s->val), nvs);
        return 1;
    }
    case K_NAMT: {
        money nv = s->val + delta_for(s->val);
        snprintf(old, sizeof old, "%s%s万元", s->pre, N(s->val));
        snprintf(new_, sizeof new_, "%s%s万元", s->pre, A(nv));
        if (!replace_in_line(s->line, old, new_))
            return 0;
        snprintf(pl->detail, sizeof pl->detail, "%s: %s → %s", s->what, N(s->val), A(nv));
        return 1;
    }
    case K_PCT: {
        int64_t dlt = rnd(300, 1500);
        int64_t nv = s->val >= dlt && chance(50) ? s->val - dlt : s->val + dlt;
        snprintf(old, sizeof old, "%s%s", s->pre, P(s->val));
        snprintf(new_, sizeof new_, "%s%s", s->pre, P(nv));
        if (!replace_in_line(s->line, old, new_))
            return 0;
        snprintf(pl->detail, sizeof pl->detail, "%s: %s → %s", s->what, P(s->val), P(nv));
        return 1;
    }
    case K_GROW:
    case K_CMP: {
        const char *a = s->kind == K_GROW ? "增加" : "大于";
        const char *b = s->kind == K_GROW ? "减少" : "小于";
        snprintf(old, sizeof old, "%s", s->pre);
        char *at = strstr(old, a);
        const char *from = a, *to = b;
        if (!at) {
            at = strstr(old, b);
            from = b;
            to = a;
        }
        if (!at)
            return 0;
        size_t off = (size_t)(at - old);
        snprintf(new_, sizeof new_, "%.*s%s%s", (int)off, old, to, at + strlen(from));
        if (!replace_in_line(s->line, old, new_))
            return 0;
        snprintf(pl->detail, sizeof pl->detail, "%s: “%s” → “%s”", s->what, old, new_);
        return 1;
    }
    case K_RESID: {
        /* the unit name becomes XX plus its last character (局 …) */
        size_t n = strlen(s->pre);
        snprintf(new_, sizeof new_, "XX%s", n >= 3 ? s->pre + n - 3 : "");
        if (!replace_in_line(s->line, s->pre, new_))
            return 0;
        snprintf(pl->detail, sizeof pl->detail, "%s: “%s” → “%s”", s->what, s->pre, new_);
        return 1;
    }
    case K_STOP: {
        size_t n = strlen(D.line[s->line]);
        char *out = xrealloc(NULL, n + 4);
        memcpy(out, D.line[s->line], n);
        memcpy(out + n, "。", 4);
        free(D.line[s->line]);
        D.line[s->line] = out;
        snprintf(pl->detail, sizeof pl->detail, "doubled full stop at the end of the paragraph");
        return 1;
    }
    }
    return 0;
}

/* the tables removal picks from (numbers 1…11) */
static const size_t REMOVABLE[] = {2, 3, 4, 5, 6, 7, 8, 9};

static size_t g_rm_start, g_rm_end; /* lines removed (none when equal) */

static void plant(void)
{
    g_npl = 0;
    g_rm_start = g_rm_end = 0;
    g_used = xrealloc(g_used, D.n + 1);
    memset(g_used, 0, D.n + 1);
    size_t want = (size_t)rnd(1, 3);
    int removed = 0;
    for (int tries = 0; g_npl < want && tries < 200; tries++) {
        int kind = (int)rnd(0, K_NKINDS - 1);
        Planted *pl = &g_pl[g_npl];
        memset(pl, 0, sizeof *pl);
        pl->kind = kind;
        if (kind == K_REMOVE) {
            if (removed)
                continue;
            /* a table of the national set (公开01–09表; 10 and 11 are local additions) */
            size_t t = REMOVABLE[pick(sizeof REMOVABLE / sizeof REMOVABLE[0])] - 1;
            Range *r = &g_tables[t];
            int clash = 0;
            for (size_t l = r->start; l < r->end; l++)
                clash |= g_used[l];
            if (clash)
                continue;
            for (size_t l = r->start; l < r->end; l++)
                g_used[l] = 1;
            g_rm_start = r->start;
            g_rm_end = r->end;
            removed = 1;
            pl->line = r->start;
            snprintf(pl->detail, sizeof pl->detail, "公开%02zu表 %s removed (%zu lines)", t + 1,
                     r->name, r->end - r->start);
            g_npl++;
            continue;
        }
        size_t cand[4096], nc = 0;
        for (size_t i = 0; i < g_nsite && nc < 4096; i++)
            if (g_site[i].kind == kind && !g_used[g_site[i].line])
                cand[nc++] = i;
        if (nc == 0)
            continue;
        const Site *s = &g_site[cand[pick(nc)]];
        if (!plant_site(s, pl))
            continue;
        pl->line = s->line;
        g_used[s->line] = 1;
        g_npl++;
    }
    if (g_rm_end > g_rm_start) {
        size_t n = g_rm_end - g_rm_start;
        for (size_t l = g_rm_start; l < g_rm_end; l++)
            free(D.line[l]);
        memmove(&D.line[g_rm_start], &D.line[g_rm_end], (D.n - g_rm_end) * sizeof *D.line);
        D.n -= n;
        for (size_t i = 0; i < g_npl; i++)
            if (g_pl[i].kind != K_REMOVE && g_pl[i].line >= g_rm_end)
                g_pl[i].line -= n;
    }
}

/* ---- output ----------------------------------------------------------------------------- */

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static int cmp_planted(const void *a, const void *b)
{
    size_t x = ((const Planted *)a)->line, y = ((const Planted *)b)->line;
    return x < y ? -1 : x > y;
}

_Noreturn static void usage(void)
{
    fprintf(stderr,
            "usage: synth --seed S --count N --out DIR [--mistakes-rate R] [--first K]\n"
            "  writes DIR/doc-K.txt … DIR/doc-(K+N-1).txt and DIR/manifest.jsonl;\n"
            "  R (0…1, default 0.5) is the share of documents with 1-3 planted mistakes\n");
    exit(2);
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    long long count = -1, first = 0;
    long rate_permille = 500;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            usage();
        char *end = NULL;
        errno = 0;
        if (!strcmp(a, "--seed")) {
            seed = strtoull(argv[++i], &end, 10);
        } else if (!strcmp(a, "--count")) {
            count = strtoll(argv[++i], &end, 10);
        } else if (!strcmp(a, "--first")) {
            first = strtoll(argv[++i], &end, 10);
        } else if (!strcmp(a, "--out")) {
            out = argv[++i];
        } else if (!strcmp(a, "--mistakes-rate")) {
            /* parse a decimal 0…1 without floating point: permille */
            const char *s = argv[++i];
            long ip = 0, fp = 0, scale_ = 100;
            while (*s >= '0' && *s <= '9')
                ip = ip * 10 + (*s++ - '0');
            if (*s == '.') {
                s++;
                while (*s >= '0' && *s <= '9') {
                    fp += (*s++ - '0') * scale_;
                    scale_ /= 10;
                }
            }
            end = (char *)s;
            rate_permille = ip * 1000 + fp;
            if (rate_permille > 1000)
                usage();
        } else {
            usage();
        }
        if ((end && *end) || errno)
            usage();
    }
    if (!out || count < 0 || first < 0)
        usage();
    if (mkdir(out, 0777) != 0 && errno != EEXIST)
        die("cannot create the output folder");
    char path[4096];
    snprintf(path, sizeof path, "%s/manifest.jsonl", out);
    FILE *mf = fopen(path, first ? "a" : "w");
    if (!mf)
        die("cannot write manifest.jsonl");
    for (long long k = first; k < first + count; k++) {
        uint64_t s0 = seed ^ 0x5DEECE66DULL;
        (void)splitmix64(&s0);
        g_rng = s0 + (uint64_t)k * 0xD1B54A32D192ED03ULL;
        (void)splitmix64(&g_rng);
        for (size_t i = 0; i < D.n; i++)
            free(D.line[i]);
        D.n = 0;
        g_nsite = 0;
        g_npend = 0;
        make_figures((uint64_t)k);
        front();
        t01();
        t02();
        t03();
        t04();
        t05();
        t06();
        t_empty(7, "政府性基金预算财政拨款收入支出决算表", "政府性基金");
        t_empty(8, "国有资本经营预算财政拨款收入支出决算表", "国有资本经营");
        t09();
        t10();
        t11();
        narrative();
        glossary();
        g_npl = 0;
        if (rnd(0, 999) < rate_permille)
            plant();
        char name[64];
        snprintf(name, sizeof name, "doc-%05lld.txt", k);
        snprintf(path, sizeof path, "%s/%s", out, name);
        FILE *f = fopen(path, "w");
        if (!f)
            die("cannot write a document");
        for (size_t i = 0; i < D.n; i++) {
            fputs(D.line[i], f);
            fputc('\n', f);
        }
        if (fclose(f) != 0)
            die("write error");
        qsort(g_pl, g_npl, sizeof *g_pl, cmp_planted);
        fprintf(mf, "{\"file\":");
        json_str(mf, name);
        fprintf(mf, ",\"mistakes\":[");
        for (size_t i = 0; i < g_npl; i++) {
            fprintf(mf, "%s{\"kind\":\"%s\",\"line\":%zu,\"detail\":", i ? "," : "",
                    KIND_NAME[g_pl[i].kind], g_pl[i].line + 1);
            json_str(mf, g_pl[i].detail);
            fputc('}', mf);
        }
        fprintf(mf, "]}\n");
    }
    if (fclose(mf) != 0)
        die("write error");
    return 0;
}
