/*
 * cmd_rules.c — gongkai rules: the rule catalogue.
 */
#include <stdio.h>

#include "cli.h"
#include "gongkai/check.h"

int cmd_rules(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            cli_usage(stdout, "rules");
            return 0;
        }
        return cli_bad_usage("rules", "多余的参数 '%s' / unexpected argument", argv[i]);
    }
    size_t n;
    const gk_rule_info *rules = gk_rules(&n);
    for (size_t i = 0; i < n; i++)
        printf("%-8s %-8s %s\n", rules[i].id, gk_severity_name(rules[i].severity),
               rules[i].summary);
    return 0;
}
