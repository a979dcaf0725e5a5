/*
 * bcryptprimitives.dll for Wine 8.0, which lacks it: Go 1.24 and later load
 * it from system32 at start for ProcessPrng, the system's random bytes, and
 * die without it. This one passes the call on to BCryptGenRandom, which Wine
 * has. The wine test of e2e/ builds it with Debian's gcc-mingw-w64-x86-64:
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *       bcryptprimitives.c -lbcrypt
 *
 * and puts it into the test's own Wine prefix. Nothing of it ships.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
