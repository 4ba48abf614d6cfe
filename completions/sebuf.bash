#!/bin/bash

__sebuf_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__sebuf_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__sebuf_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

# Word values are not file names: no slash for a same-named directory; no space
# after a value that continues (a directory, `.git#branch=`).
__sebuf_add_words() {
    compopt +o filenames 2>/dev/null
    __sebuf_add_completions "${@}"
    if [[ -n "${__sebuf_kept}" ]]; then
        COMPREPLY=("${COMPREPLY[@]#"${__sebuf_kept}"}")
    fi
    if [[ "${#COMPREPLY[@]}" -eq 1 && ("${COMPREPLY[0]}" == */ || "${COMPREPLY[0]}" == *=) ]]; then
        compopt -o nospace 2>/dev/null
    fi
}

__sebuf_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_sebuf() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    # bash splits `.git#branch=ma` at `=` (COMP_WORDBREAKS): join the pieces back so
    # `--against` sees its whole value; __sebuf_add_words then drops the part
    # before the cursor's piece, which readline keeps.
    local -a COMP_WORDS=("${COMP_WORDS[@]}")
    local -i COMP_CWORD="${COMP_CWORD}"
    local -a __sebuf_joined=()
    local -i __sebuf_i __sebuf_cword=0
    local __sebuf_did_join=false
    for __sebuf_i in "${!COMP_WORDS[@]}"; do
        local __sebuf_w="${COMP_WORDS[__sebuf_i]}"
        if [[ "${__sebuf_i}" -gt 1 && ("${__sebuf_w}" == "=" || "${COMP_WORDS[__sebuf_i-1]}" == "=") \
            && "${__sebuf_joined[-1]}" != -* ]]; then
            __sebuf_joined[-1]+="${__sebuf_w}"
            __sebuf_did_join=true
        else
            __sebuf_joined+=("${__sebuf_w}")
        fi
        [[ "${__sebuf_i}" -eq "${COMP_CWORD}" ]] && __sebuf_cword=$((${#__sebuf_joined[@]} - 1))
    done
    local cur="${2}" prev="${3}" __sebuf_kept=""
    if "${__sebuf_did_join}"; then
        COMP_WORDS=("${__sebuf_joined[@]}")
        COMP_CWORD="${__sebuf_cword}"
        cur="${COMP_WORDS[COMP_CWORD]}"
        prev="${COMP_WORDS[COMP_CWORD-1]}"
        __sebuf_kept="${cur:0:${#cur}-${#2}}"
    fi
    # After an opening quote (`--against '.git#b`) the word still holds the quote:
    # complete what follows it (readline keeps the quote and closes it).
    if [[ "${cur:0:1}" == "'" || "${cur:0:1}" == '"' ]]; then
        cur="${cur:1}"
        COMP_WORDS[COMP_CWORD]="${cur}"
    fi
    readonly cur prev __sebuf_kept

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __sebuf_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    build|generate|lint|breaking|format|plan|ls-files|init|completion|stats|export|config|help)
        # Offer subcommand argument completions
        "_sebuf_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'build generate lint breaking format plan ls-files init completion stats export config help' -- "${cur}"))
        ;;
    esac
}

_sebuf_build() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --exclude-source-info --exclude-imports --version -h --help)
    repeating_options=(--path --exclude-path --type)
    non_repeating_options=(--config --error-format --timeout -o --output)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    '-o'|'--output')
        __sebuf_add_completions -o plusdirs -fX '!*.@(binpb|bin|pb|json|txtpb|yaml)'
        return
        ;;
    '--type')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_generate() {
    repeating_flags=()
    non_repeating_flags=(--clean --include-imports --include-wkt -v --debug --force --dry-run --version -h --help)
    repeating_options=(--path --exclude-path --only)
    non_repeating_options=(--config --error-format --template --plugin-timeout --lock-timeout --timeout)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--template')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--only')
        __sebuf_add_words -W "$(__sebuf_custom_complete ---completion generate -- --only "${COMP_CWORD}" "$(__sebuf_cursor_index_in_current_word)")"
        return
        ;;
    '--plugin-timeout')
        return
        ;;
    '--lock-timeout')
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_lint() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --show-rule-ids --list-rules --all --version -h --help)
    repeating_options=(--path --exclude-path --use)
    non_repeating_options=(--config --timeout --error-format --image)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'$'\n''config-ignore-yaml'
        return
        ;;
    '--image')
        __sebuf_add_completions -o plusdirs -fX '!*.@(binpb|bin|pb|json)'
        return
        ;;
    '--use')
        __sebuf_add_words -W "$(__sebuf_custom_complete ---completion lint -- --use "${COMP_CWORD}" "$(__sebuf_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_breaking() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --show-rule-ids --exclude-imports --limit-to-input-files --list-rules --version -h --help)
    repeating_options=(--path --exclude-path --use)
    non_repeating_options=(--config --timeout --against --error-format --against-config)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    '--against')
        __sebuf_add_words -W "$(__sebuf_custom_complete ---completion breaking -- --against "${COMP_CWORD}" "$(__sebuf_cursor_index_in_current_word)")"
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--against-config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--use')
        __sebuf_add_words -W "$(__sebuf_custom_complete ---completion breaking -- --use "${COMP_CWORD}" "$(__sebuf_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_format() {
    repeating_flags=()
    non_repeating_flags=(-w --write -d --diff --exit-code -v --debug --version -h --help)
    repeating_options=(--path --exclude-path)
    non_repeating_options=(-o --output --config --stdin-filepath --error-format --timeout)
    __sebuf_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        return
        ;;
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--stdin-filepath')
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    esac
}

_sebuf_plan() {
    repeating_flags=()
    non_repeating_flags=(--clean --include-imports --include-wkt -v --debug --force --version -h --help)
    repeating_options=(--path --exclude-path --only)
    non_repeating_options=(--config --error-format --template --plugin-timeout --lock-timeout --timeout)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--template')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--only')
        __sebuf_add_words -W "$(__sebuf_custom_complete ---completion plan -- --only "${COMP_CWORD}" "$(__sebuf_cursor_index_in_current_word)")"
        return
        ;;
    '--plugin-timeout')
        return
        ;;
    '--lock-timeout')
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_ls-files() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --include-imports --version -h --help)
    repeating_options=(--path --exclude-path)
    non_repeating_options=(--config --error-format --timeout --format)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    '--format')
        __sebuf_add_words -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_init() {
    repeating_flags=()
    non_repeating_flags=(--from-buf -v --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--error-format --timeout)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_completion() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--timeout)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_words -W 'bash'$'\n''zsh'$'\n''fish'
        return
        ;;
    esac
}

_sebuf_stats() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --version -h --help)
    repeating_options=(--path --exclude-path)
    non_repeating_options=(--config --error-format --timeout --format)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    '--format')
        __sebuf_add_words -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_export() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --exclude-imports --version -h --help)
    repeating_options=(--path --exclude-path)
    non_repeating_options=(--config --error-format --timeout -o --output)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--exclude-path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    '-o'|'--output')
        __sebuf_add_completions -d
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __sebuf_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    ls-modules)
        # Offer subcommand argument completions
        "_sebuf_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'ls-modules' -- "${cur}"))
        ;;
    esac
}

_sebuf_config_ls-modules() {
    repeating_flags=()
    non_repeating_flags=(-v --debug --version -h --help)
    repeating_options=(--path)
    non_repeating_options=(--config --error-format --timeout --format)
    __sebuf_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __sebuf_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--path')
        __sebuf_add_completions -o plusdirs -fX '!*.@(proto)'
        return
        ;;
    '--error-format')
        __sebuf_add_words -W 'text'$'\n''json'$'\n''github-actions'$'\n''gitlab-code-quality'$'\n''junit'$'\n''msvs'
        return
        ;;
    '--timeout')
        __sebuf_add_words -W '30s'$'\n''2m'$'\n''10m'$'\n''0'
        return
        ;;
    '--format')
        __sebuf_add_words -W 'path'$'\n''name'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __sebuf_add_completions -d
        return
        ;;
    esac
}

_sebuf_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __sebuf_offer_flags_options -1
    if [[ "${cur}" != -* ]]; then
        __sebuf_add_words -W "$(printf '%s\n' build generate lint breaking format plan ls-files init completion stats export config)"
    fi
}

complete -o filenames -F _sebuf sebuf
