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
            __sebuf_parse_subcommand 0 'version' 'h/help'
        case 'generate'
            __sebuf_parse_subcommand 0 'version' 'h/help'
        case 'lint'
            __sebuf_parse_subcommand 0 'version' 'h/help'
        case 'breaking'
            __sebuf_parse_subcommand 0 'version' 'h/help'
        case 'plan'
            __sebuf_parse_subcommand 0 'version' 'h/help'
        case 'ls-files'
            __sebuf_parse_subcommand 1 'config=' 'path=+' 'error-format=' 'format=' 'version' 'h/help'
        case 'init'
            __sebuf_parse_subcommand 1 'from-buf' 'error-format=' 'version' 'h/help'
        case 'completion'
            __sebuf_parse_subcommand 1 'version' 'h/help'
        case 'help'
            __sebuf_parse_subcommand -r 1 'version'
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
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'build' -d '(in progress)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'generate' -d '(in progress)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'lint' -d '(in progress)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'breaking' -d '(in progress)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'plan' -d '(in progress)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'ls-files' -d 'List the workspace\'s .proto files.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'init' -d 'Write a commented starter sebuf.yaml.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'completion' -d 'Print a shell completion script (bash, zsh or fish).'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf build" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf generate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf breaking" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf plan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf ls-files" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" config' -l 'config' -d 'Read this workspace file instead of searching for sebuf.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files"' -l 'path' -d 'Limit the run to these files or directories (repeatable).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'proto\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, junit or msvs.' -rfka 'text json github-actions junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" format' -l 'format' -d 'text: one path per line; json: one object per line with path, import_path and is_import.' -rfka 'text json'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf ls-files" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf init" -eq 1' -fa '(__sebuf_complete_directories)'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" from-buf' -l 'from-buf' -d 'Convert buf.yaml and buf.gen.yaml (v2) in the directory instead of writing the starter.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" error-format' -l 'error-format' -d 'How diagnostics are printed: text, json, github-actions, junit or msvs.' -rfka 'text json github-actions junit msvs'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional "sebuf completion" -eq 1' -fka 'bash zsh fish'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf completion" version' -l 'version' -d 'Show the version.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf completion" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sebuf' -n '__sebuf_should_offer_completions_for_flags_or_options "sebuf help" version' -l 'version' -d 'Show the version.'