/* .ci/test-windows: starts the rest of its command line the way Windows starts a GUI-subsystem program typed
   in cmd.exe (no standard handles, the same console), waits and returns its exit code. Wine's own cmd passes
   its handles on to every child, which would hide whether rendadesk.exe attaches to the console. */
#include <windows.h>

int main(void) {
  wchar_t *cl = GetCommandLineW();
  int quoted = 0;
  while (*cl && (quoted || *cl != L' ')) {
    if (*cl == L'"') quoted = !quoted;
    cl++;
  }
  while (*cl == L' ') cl++;
  STARTUPINFOW si = {0};
  PROCESS_INFORMATION pi;
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = si.hStdOutput = si.hStdError = NULL;
  if (!CreateProcessW(NULL, cl, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return 100;
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code = 0;
  GetExitCodeProcess(pi.hProcess, &code);
  return (int)code;
}
