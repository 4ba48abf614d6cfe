function __sebuf_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sebuf_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __sebuf_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sebuf_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __sebuf_parse_tokens -S
    set -l unparsed_tokens (__sebuf_tokens -pc)
    switch $unparsed_tokens[1]
    case 'sebuf'
        __sebuf_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'build'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'exclude-path=+' 'v/debug' 'timeout=' 'o/output=' 'type=+' 'exclude-source-info' 'exclude-imports' 'version' 'h/help'
        case 'generate'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'exclude-path=+' 'template=' 'only=+' 'plugin-timeout=' 'clean' 'lock-timeout=' 'include-imports' 'include-wkt' 'v/debug' 'timeout=' 'force' 'dry-run' 'version' 'h/help'
        case 'lint'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'exclude-path=+' 'v/debug' 'timeout=' 'error-format=' 'image=' 'use=+' 'show-rule-ids' 'list-rules' 'all' 'version' 'h/help'
        case 'breaking'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'exclude-path=+' 'v/debug' 'timeout=' 'against=' 'error-format=' 'show-rule-ids' 'exclude-imports' 'against-config=' 'limit-to-input-files' 'use=+' 'list-rules' 'version' 'h/help'
        case 'format'
            __sebuf_parse_subcommand -r 1 'w/write' 'd/diff' 'exit-code' 'o/output=' 'config=' 'path=+' 'exclude-path=+' 'stdin-filepath=' 'error-format=' 'v/debug' 'timeout=' 'version' 'h/help'
        case 'plan'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'exclude-path=+' 'template=' 'only=+' 'plugin-timeout=' 'clean' 'lock-timeout=' 'include-imports' 'include-wkt' 'v/debug' 'timeout=' 'force' 'version' 'h/help'
        case 'ls-files'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'exclude-path=+' 'v/debug' 'timeout=' 'format=' 'include-imports' 'version' 'h/help'
        case 'init'
            __sebuf_parse_subcommand 1 'from-buf' 'error-format=' 'v/debug' 'timeout=' 'version' 'h/help'
        case 'completion'
            __sebuf_parse_subcommand 1 'v/debug' 'timeout=' 'version' 'h/help'
        case 'stats'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'exclude-path=+' 'v/debug' 'timeout=' 'format=' 'version' 'h/help'
        case 'export'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'exclude-path=+' 'v/debug' 'timeout=' 'o/output=' 'exclude-imports' 'version' 'h/help'
        case 'config'
            __sebuf_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'ls-modules'
                __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'v/debug' 'timeout=' 'format=' 'version' 'h/help'
            end
        case 'help'
            __sebuf_parse_subcommand -r 1 'version'
        end
    end
end

function __sebuf_cursor_in_token
    string length -- "$(commandline -ct)"
end

function __sebuf_unhide
    set -l empty (test -z "$(commandline -ct)"; and echo 1)
    while read -l line
        if test -n "$empty"; and string match -q -- '.git#*' $line
            echo "$PWD/$line"
        else
            echo $line
        end
    end
end

function __sebuf_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __sebuf_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __sebuf_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __sebuf_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__sebuf_tokens -p)
    if test -z "$(__sebuf_tokens -t)"
        set -l index (count (__sebuf_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'sebuf' -f
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'build' -d 'Compile .proto files into an image (a FileDescriptorSet), as protoc and buf build do.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'generate' -d 'Run the backends and plugins of sebuf.yaml and write their outputs.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'lint' -d 'Check .proto files against buf\'s lint rules and sebuf\'s HTTP rules.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'breaking' -d 'Find changes that break clients, against a git ref, a directory or an image.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'format' -d 'Format .proto files exactly as buf format does.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'plan' -d 'Show the generation jobs and what each would write, without writing.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'ls-files' -d 'List the workspace\'s .proto files.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'init' -d 'Write a commented starter sebuf.yaml.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'completion' -d 'Print a shell completion script (bash, zsh or fish).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'stats' -d 'Count the workspace\'s files, packages, messages, fields, enums, services and RPCs (as buf stats).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'export' -d 'Copy the workspace\'s .proto files and the files they import into a directory (as buf export).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'config' -d 'Show what the workspace file configures (config ls-modules).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf build" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" o output' -s 'o' -l 'output' -d 'Where to write the image: .binpb, .json, .txtpb or .yaml (or #format=…); `-` is stdout.' -rfa '(set -l exts \'binpb\' \'bin\' \'pb\' \'json\' \'txtpb\' \'yaml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build"' -l 'type' -d 'Only this type and what it needs (repeatable): a message, enum, service, method, extension or package; `pkg.**` for a package and its sub-packages.' -rfka ''
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" exclude-source-info' -l 'exclude-source-info' -d 'Leave source code info out of the image.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" exclude-imports' -l 'exclude-imports' -d 'Leave imported files out of the image (targets only).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf generate" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" template' -l 'template' -d 'Take the generate entries and managed mode from this file instead (a buf.gen.yaml v2, or `version: v1` with `generate:`).' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate"' -l 'only' -d 'Run only this generate entry: its name, backend id or plugin name (repeatable).' -rfka '(__sebuf_custom_completion ---completion generate -- --only (count (__sebuf_tokens -pc)) (__sebuf_cursor_in_token))'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" plugin-timeout' -l 'plugin-timeout' -d 'Seconds before a hung plugin is killed.' -rfka ''
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" clean' -l 'clean' -d 'Also remove every file in each out directory that this run does not produce.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait while another sebuf run holds the workspace\'s lock.' -rfka ''
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" include-imports' -l 'include-imports' -d 'Also generate for the files the targets import (every entry\'s include_imports, for this run).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" include-wkt' -l 'include-wkt' -d 'With --include-imports: also generate the well-known types (google/protobuf/*.proto).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" force' -l 'force' -d 'Ignore the manifest and run every job (unchanged files are still not rewritten).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" dry-run' -l 'dry-run' -d 'Show what would be written, new/changed/unchanged/stale, and write nothing.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf lint" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" error-format' -l 'error-format' -d 'text, json, github-actions, gitlab-code-quality, junit, msvs, or config-ignore-yaml (an ignore_only block that silences the current findings).' -rfka 'text json github-actions gitlab-code-quality junit msvs config-ignore-yaml'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" image' -l 'image' -d 'Lint a compiled image instead of compiling the workspace (.binpb/.bin/.pb/.json, e.g. from `sebuf build -o` or `buf build -o`).' -rfa '(set -l exts \'binpb\' \'bin\' \'pb\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint"' -l 'use' -d 'Rules or categories to run instead of the configured `lint.use` (repeatable), e.g. `--use STANDARD --use HTTP`.' -rfka '(__sebuf_custom_completion ---completion lint -- --use (count (__sebuf_tokens -pc)) (__sebuf_cursor_in_token))'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" show-rule-ids' -l 'show-rule-ids' -d 'Append the rule id to each text finding: `… (FIELD_LOWER_SNAKE_CASE)`.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" list-rules' -l 'list-rules' -d 'List the rules the configuration enables (id, categories, purpose) and exit; json with --error-format json.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" all' -l 'all' -d 'With --list-rules: every rule, including those not enabled and deprecated ones.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf breaking" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" against' -l 'against' -d 'What to compare with: `.git#branch=NAME`, `.git#tag=NAME`, `.git#ref=REV` (e.g. HEAD~1), with `,subdir=DIR`; a directory; or an image file.' -rfka '(__sebuf_custom_completion ---completion breaking -- --against (count (__sebuf_tokens -pc)) (__sebuf_cursor_in_token) | __sebuf_unhide)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" show-rule-ids' -l 'show-rule-ids' -d 'Append the rule id to each text finding: `… (FIELD_NO_DELETE)`.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" exclude-imports' -l 'exclude-imports' -d 'Do not report breaks in imported files.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" against-config' -l 'against-config' -d 'Read the --against side with this workspace file (its modules and includes) instead of the input\'s.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" limit-to-input-files' -l 'limit-to-input-files' -d 'Compare only the files the input has: the against side is limited to them (deleted files are not reported).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking"' -l 'use' -d 'Rules or categories to run instead of the configured ones (repeatable), e.g. `--use FILE --use HTTP`.' -rfka '(__sebuf_custom_completion ---completion breaking -- --use (count (__sebuf_tokens -pc)) (__sebuf_cursor_in_token))'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" list-rules' -l 'list-rules' -d 'List every breaking rule (id, categories, purpose) and exit.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf format" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" w write' -s 'w' -l 'write' -d 'Rewrite files in place (atomically; only files that change).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" d diff' -s 'd' -l 'diff' -d 'Print a unified diff of what would change instead of the files.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" exit-code' -l 'exit-code' -d 'Exit 100 when any file is not formatted (with -w: was rewritten).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" o output' -s 'o' -l 'output' -d 'Write the formatted files here: a .proto file (for one input file) or a directory (files keep their workspace paths).' -rfka ''
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format"' -l 'path' -d 'Limit directory inputs to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format"' -l 'exclude-path' -d 'Leave these files or directories out (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" stdin-filepath' -l 'stdin-filepath' -d 'The name stdin\'s content goes by in errors and diffs (with `-`).' -rfka ''
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf format" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf plan" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" template' -l 'template' -d 'Take the generate entries and managed mode from this file instead (a buf.gen.yaml v2, or `version: v1` with `generate:`).' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan"' -l 'only' -d 'Run only this generate entry: its name, backend id or plugin name (repeatable).' -rfka '(__sebuf_custom_completion ---completion plan -- --only (count (__sebuf_tokens -pc)) (__sebuf_cursor_in_token))'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" plugin-timeout' -l 'plugin-timeout' -d 'Seconds before a hung plugin is killed.' -rfka ''
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" clean' -l 'clean' -d 'Also remove every file in each out directory that this run does not produce.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait while another sebuf run holds the workspace\'s lock.' -rfka ''
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" include-imports' -l 'include-imports' -d 'Also generate for the files the targets import (every entry\'s include_imports, for this run).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" include-wkt' -l 'include-wkt' -d 'With --include-imports: also generate the well-known types (google/protobuf/*.proto).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" force' -l 'force' -d 'Ignore the manifest: show every job\'s files as if all had to run.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf ls-files" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" format' -l 'format' -d 'text: one path per line; json: one object per line with path, import_path and is_import.' -rfka 'text json'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" include-imports' -l 'include-imports' -d 'Also list the files the module files import (compiles them). Example: `sebuf ls-files --include-imports`.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf init" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" from-buf' -l 'from-buf' -d 'Convert buf.yaml and buf.gen.yaml (v2) in the directory instead of writing the starter.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf completion" -eq 1' -fka 'bash zsh fish'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf completion" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf completion" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf completion" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf completion" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf stats" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats" format' -l 'format' -d 'text (aligned lines) or json (one object, buf\'s keys).' -rfka 'text json'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf export" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export"' -l 'exclude-path' -d 'Leave these files or directories out of the run (repeatable); they can still be imported.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" o output' -s 'o' -l 'output' -d 'The directory to write into (created if missing).' -rfa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" exclude-imports' -l 'exclude-imports' -d 'Copy only the workspace\'s own files, not what they import.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf config" -eq 1' -fa 'ls-modules' -d 'List the workspace\'s modules: their paths (default), names, or JSON.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf config ls-modules" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.' -rfka 'text json github-actions gitlab-code-quality junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules" debug v' -s 'v' -l 'debug' -d 'Print what ran and how long each stage took, on stderr (stdout is unchanged).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules" timeout' -l 'timeout' -d 'Give up after this long (buf\'s meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.' -rfka '30s 2m 10m 0'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules" format' -l 'format' -d 'path, name or json.' -rfka 'path name json'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf config ls-modules" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf help" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf help" -eq 1' -fka 'build generate lint breaking format plan ls-files init completion stats export config'
