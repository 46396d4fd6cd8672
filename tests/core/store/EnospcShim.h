#pragma once
// Control of the full-disk shim (EnospcShim.cpp) from a test that links it: writes to files under `dir` get
// `freeBytes` more bytes, then fail with ENOSPC until hqaEnospcClear(). Another process gets the same through
// LD_PRELOAD=<path of libhqa_enospc.so> HQA_ENOSPC_DIR=dir HQA_ENOSPC_FREE=bytes.

extern "C" {
void hqaEnospcFill(const char* dir, long long freeBytes);
void hqaEnospcClear();
/// Write calls refused or cut short since the last hqaEnospcFill(): a test checks that the full disk was hit.
long long hqaEnospcRefused();
}
