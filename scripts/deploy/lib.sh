# Shared by the deployment scripts: run a command, or with --dry-run print it (and give back a placeholder).
DRY_RUN=${DRY_RUN:-false}
# Commands' own output goes to fd 3: the terminal, or the caller of capture.
exec 3>&1

# run <placeholder> <command...>: prints the command as it would be typed; runs it unless dry-run.
run() {
  local placeholder=$1; shift
  printf '+'; printf ' %q' "$@"; printf '\n'
  if [[ "$DRY_RUN" == true ]]; then
    [[ -n "$placeholder" ]] && printf '%s\n' "$placeholder" >&3
    return 0
  fi
  "$@" >&3
}

# capture <placeholder> <command...>: the command's output (or the placeholder in a dry run).
capture() {
  local out
  out=$( { run "$@" 3>&1 1>&2; } ) || return $?
  printf '%s' "$out"
}

step() { printf '\n== %s\n' "$*" >&2; }
