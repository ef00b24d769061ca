/* .ci/test-windows, for Wine before 9 only: Go 1.24 and later need ProcessPrng from bcryptprimitives.dll,
   which older Wine lacks. This stand-in, put into the test's own Wine prefix, answers from RtlGenRandom.
   Never shipped: a real Windows has the DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
