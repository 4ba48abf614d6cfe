#compdef sebuf

__sebuf_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__sebuf_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __sebuf_complete "${completions[@]:0:-1}"
    fi
}

__sebuf_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_sebuf() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'build:Compile .proto files into an image (a FileDescriptorSet), as protoc and buf build do.'
            'generate:Run the backends and plugins of sebuf.yaml and write their outputs.'
            'lint:Check .proto files against buf'\''s lint rules and sebuf'\''s HTTP rules.'
            'breaking:Find changes that break clients, against a git ref, a directory or an image.'
            'format:Format .proto files exactly as buf format does.'
            'plan:Show the generation jobs and what each would write, without writing.'
            'ls-files:List the workspace'\''s .proto files.'
            'init:Write a commented starter sebuf.yaml.'
            'completion:Print a shell completion script (bash, zsh or fish).'
            'stats:Count the workspace'\''s files, packages, messages, fields, enums, services and RPCs (as buf stats).'
            'export:Copy the workspace'\''s .proto files and the files they import into a directory (as buf export).'
            'config:Show what the workspace file configures (config ls-modules).'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        build|generate|lint|breaking|format|plan|ls-files|init|completion|stats|export|config|help)
            "_sebuf_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_sebuf_build() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '(-o --output)'{-o,--output}'[Where to write the image\: .binpb, .json, .txtpb or .yaml (or #format=…); `-` is stdout.]:file:_files -g '\''*.binpb *.bin *.pb *.json *.txtpb *.yaml'\'''
        '*--type[Only this type and what it needs (repeatable)\: a message, enum, service, method, extension or package; `pkg.**` for a package and its sub-packages.]:name:'
        '--exclude-source-info[Leave source code info out of the image.]'
        '--exclude-imports[Leave imported files out of the image (targets only).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_generate() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '--template[Take the generate entries and managed mode from this file instead (a buf.gen.yaml v2, or `version\: v1` with `generate\:`).]:file:_files -g '\''*.yaml *.yml'\'''
        '*--only[Run only this generate entry\: its name, backend id or plugin name (repeatable).]:name:{__sebuf_custom_complete ---completion generate -- --only "${current_word_index}" "$(__sebuf_cursor_index_in_current_word)"}'
        '--plugin-timeout[Seconds before a hung plugin is killed.]:seconds:'
        '--clean[Also remove every file in each out directory that this run does not produce.]'
        '--lock-timeout[Seconds to wait while another sebuf run holds the workspace'\''s lock.]:seconds:'
        '--include-imports[Also generate for the files the targets import (every entry'\''s include_imports, for this run).]'
        '--include-wkt[With --include-imports\: also generate the well-known types (google/protobuf/*.proto).]'
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--force[Ignore the manifest and run every job (unchanged files are still not rewritten).]'
        '--dry-run[Show what would be written, new/changed/unchanged/stale, and write nothing.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_lint() {
    local -i ret=1
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs' 'config-ignore-yaml')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--error-format[text, json, github-actions, gitlab-code-quality, junit, msvs, or config-ignore-yaml (an ignore_only block that silences the current findings).]:format:{__sebuf_complete "${___error_format[@]}"}'
        '--image[Lint a compiled image instead of compiling the workspace (.binpb/.bin/.pb/.json, e.g. from `sebuf build -o` or `buf build -o`).]:file:_files -g '\''*.binpb *.bin *.pb *.json'\'''
        '*--use[Rules or categories to run instead of the configured `lint.use` (repeatable), e.g. `--use STANDARD --use HTTP`.]:id:{__sebuf_custom_complete ---completion lint -- --use "${current_word_index}" "$(__sebuf_cursor_index_in_current_word)"}'
        '--show-rule-ids[Append the rule id to each text finding\: `… (FIELD_LOWER_SNAKE_CASE)`.]'
        '--list-rules[List the rules the configuration enables (id, categories, purpose) and exit; json with --error-format json.]'
        '--all[With --list-rules\: every rule, including those not enabled and deprecated ones.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_breaking() {
    local -i ret=1
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--against[What to compare with\: `.git#branch=NAME`, `.git#tag=NAME`, `.git#ref=REV` (e.g. HEAD~1), with `,subdir=DIR`; a directory; or an image file.]:input:{__sebuf_custom_complete ---completion breaking -- --against "${current_word_index}" "$(__sebuf_cursor_index_in_current_word)"}'
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '--show-rule-ids[Append the rule id to each text finding\: `… (FIELD_NO_DELETE)`.]'
        '--exclude-imports[Do not report breaks in imported files.]'
        '--against-config[Read the --against side with this workspace file (its modules and includes) instead of the input'\''s.]:file:_files -g '\''*.yaml *.yml'\'''
        '--limit-to-input-files[Compare only the files the input has\: the against side is limited to them (deleted files are not reported).]'
        '*--use[Rules or categories to run instead of the configured ones (repeatable), e.g. `--use FILE --use HTTP`.]:id:{__sebuf_custom_complete ---completion breaking -- --use "${current_word_index}" "$(__sebuf_cursor_index_in_current_word)"}'
        '--list-rules[List every breaking rule (id, categories, purpose) and exit.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_format() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar arg_specs=(
        '*:inputs:_files -g '\''*.proto'\'''
        '(-w --write)'{-w,--write}'[Rewrite files in place (atomically; only files that change).]'
        '(-d --diff)'{-d,--diff}'[Print a unified diff of what would change instead of the files.]'
        '--exit-code[Exit 100 when any file is not formatted (with -w\: was rewritten).]'
        '(-o --output)'{-o,--output}'[Write the formatted files here\: a .proto file (for one input file) or a directory (files keep their workspace paths).]:path:'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit directory inputs to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '*--exclude-path[Leave these files or directories out (repeatable).]:path:_files -g '\''*.proto'\'''
        '--stdin-filepath[The name stdin'\''s content goes by in errors and diffs (with `-`).]:path:'
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_plan() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '--template[Take the generate entries and managed mode from this file instead (a buf.gen.yaml v2, or `version\: v1` with `generate\:`).]:file:_files -g '\''*.yaml *.yml'\'''
        '*--only[Run only this generate entry\: its name, backend id or plugin name (repeatable).]:name:{__sebuf_custom_complete ---completion plan -- --only "${current_word_index}" "$(__sebuf_cursor_index_in_current_word)"}'
        '--plugin-timeout[Seconds before a hung plugin is killed.]:seconds:'
        '--clean[Also remove every file in each out directory that this run does not produce.]'
        '--lock-timeout[Seconds to wait while another sebuf run holds the workspace'\''s lock.]:seconds:'
        '--include-imports[Also generate for the files the targets import (every entry'\''s include_imports, for this run).]'
        '--include-wkt[With --include-imports\: also generate the well-known types (google/protobuf/*.proto).]'
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--force[Ignore the manifest\: show every job'\''s files as if all had to run.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_ls-files() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar ___format=('text' 'json')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--format[text\: one path per line; json\: one object per line with path, import_path and is_import.]:format:{__sebuf_complete "${___format[@]}"}'
        '--include-imports[Also list the files the module files import (compiles them). Example\: `sebuf ls-files --include-imports`.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_init() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--from-buf[Convert buf.yaml and buf.gen.yaml (v2) in the directory instead of writing the starter.]'
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_completion() {
    local -i ret=1
    local -ar _shell=('bash' 'zsh' 'fish')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar arg_specs=(
        ':shell:{__sebuf_complete "${_shell[@]}"}'
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_stats() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar ___format=('text' 'json')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--format[text (aligned lines) or json (one object, buf'\''s keys).]:format:{__sebuf_complete "${___format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_export() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '*--exclude-path[Leave these files or directories out of the run (repeatable); they can still be imported.]:path:_files -g '\''*.proto'\'''
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '(-o --output)'{-o,--output}'[The directory to write into (created if missing).]:dir:_files -/'
        '--exclude-imports[Copy only the workspace'\''s own files, not what they import.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_config() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'ls-modules:List the workspace'\''s modules: their paths (default), names, or JSON.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        ls-modules)
            "_sebuf_config_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_sebuf_config_ls-modules() {
    local -i ret=1
    local -ar ___error_format=('text' 'json' 'github-actions' 'gitlab-code-quality' 'junit' 'msvs')
    local -ar ___timeout=('30s' '2m' '10m' '0')
    local -ar ___format=('path' 'name' 'json')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--config[Read this workspace file instead of searching for sebuf.yaml.]:file:_files -g '\''*.yaml *.yml'\'''
        '*--path[Limit the run to these files or directories (repeatable).]:path:_files -g '\''*.proto'\'''
        '--error-format[How diagnostics are printed\: text, json, github-actions, gitlab-code-quality, junit or msvs.]:format:{__sebuf_complete "${___error_format[@]}"}'
        '(-v --debug)'{-v,--debug}'[Print what ran and how long each stage took, on stderr (stdout is unchanged).]'
        '--timeout[Give up after this long (buf'\''s meaning\: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.]:duration:{__sebuf_complete "${___timeout[@]}"}'
        '--format[path, name or json.]:format:{__sebuf_complete "${___format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_sebuf_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:(build generate lint breaking format plan ls-files init completion stats export config)'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _sebuf ]]; then
    _sebuf "${@}"
else
    compdef _sebuf sebuf
fi
