import ArgumentParser

/// The shell completion scripts: swift-argument-parser's, with what it cannot express.
///
/// - `help <TAB>` offers the subcommands (the built-in `help` command declares no
///   completion for its argument).
/// - bash: word values (`--only`, `--use`, `--error-format`, `--against`) are not
///   treated as file names — `complete -o filenames` would turn `--only go-client` into
///   `go-client/` when a directory of that name exists — and a value ending in `/` or
///   `=` (a directory, `.git#branch=`) takes no space after it, so the next TAB goes on.
/// - bash: a value bash split at `=` (`.git#branch=ma`) is completed whole.
/// - bash: after an opening quote (`--against '.git#b`) values complete as without it.
/// - fish: custom values (`--only`, `--against`, `--use`) complete in fish 3 too.
/// - fish: `--against <TAB>` shows the `.git#…` forms (fish hides `.`-candidates for an
///   empty token, so they are given with the repository's absolute path).
/// - Every script ends with a newline, so appending it to an rc file is safe.
///
/// Each patch names the generated text it relies on; CompletionCommandTests drive the
/// result in real shells, so an ArgumentParser update that moves the text fails there.
enum CompletionScripts {
  static func script(for shell: CompletionShell) -> String {
    let generated = Sebuf.completionScript(for: shell)
    let commands = Sebuf.commandNames.filter { $0 != "help" }
    var s: String
    switch shell {
    case .bash: s = bash(generated, commands: commands)
    case .zsh: s = zsh(generated, commands: commands)
    case .fish: s = fish(generated, commands: commands)
    default: s = generated
    }
    while s.hasSuffix("\n") { s.removeLast() }
    return s + "\n"
  }

  static func bash(_ generated: String, commands: [String]) -> String {
    var s = generated.replacingOccurrences(
      of: "__sebuf_add_completions -W", with: "__sebuf_add_words -W")
    s = s.replacingOccurrences(
      of: """
            local -r cur="${2}"
            local -r prev="${3}"

        """,
      with: """
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
                if [[ "${__sebuf_i}" -gt 1 && ("${__sebuf_w}" == "=" || "${COMP_WORDS[__sebuf_i-1]}" == "=") \\
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

        """)
    s = s.replacingOccurrences(
      of: "__sebuf_custom_complete() {",
      with: """
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
        """)
    s = s.replacingOccurrences(
      of: """
        _sebuf_help() {
            repeating_flags=()
            non_repeating_flags=(--version)
            repeating_options=()
            non_repeating_options=()
            __sebuf_offer_flags_options -1
        """,
      with: """
        _sebuf_help() {
            repeating_flags=()
            non_repeating_flags=(--version)
            repeating_options=()
            non_repeating_options=()
            __sebuf_offer_flags_options -1
            if [[ "${cur}" != -* ]]; then
                __sebuf_add_words -W "$(printf '%s\\n' \(commands.joined(separator: " ")))"
            fi
        """)
    return s
  }

  static func zsh(_ generated: String, commands: [String]) -> String {
    generated.replacingOccurrences(
      of: "'*:subcommands:'", with: "'*:subcommands:(\(commands.joined(separator: " ")))'")
  }

  static func fish(_ generated: String, commands: [String]) -> String {
    // The cursor's index in the current token: fish 3 rejects the generated
    // `commandline -o -tC` outside an interactive prompt (so `complete -C` failed), while
    // the length of the token cut at the cursor is the same number in fish 3 and 4.
    var s = generated.replacingOccurrences(of: "(__sebuf_tokens -tC)", with: "(__sebuf_cursor_in_token)")
    s = s.replacingOccurrences(
      of: "function __sebuf_tokens\n",
      with:
        "function __sebuf_cursor_in_token\n    string length -- \"$(commandline -ct)\"\nend\n\nfunction __sebuf_tokens\n"
    )
    // fish hides every candidate that starts with `.` while the token is empty (its
    // hidden-file rule), so `--against <TAB>` showed no `.git#…` forms: name the
    // repository by its absolute path then; after a typed `.` the short forms show.
    s = s.replacingOccurrences(
      of: "-- --against (count (__sebuf_tokens -pc)) (__sebuf_cursor_in_token))'",
      with: "-- --against (count (__sebuf_tokens -pc)) (__sebuf_cursor_in_token) | __sebuf_unhide)'")
    s = s.replacingOccurrences(
      of: "function __sebuf_tokens\n",
      with: """
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

        """)
    while s.hasSuffix("\n") { s.removeLast() }
    return s
      + "\ncomplete -c 'sebuf' -n '__sebuf_should_offer_completions_for_positional \"sebuf help\" -eq 1' -fka '"
      + commands.joined(separator: " ") + "'"
  }
}
