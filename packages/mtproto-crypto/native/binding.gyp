{
  "targets": [
    {
      "target_name": "mtkit_aes",
      "sources": ["../src/native/aes_ige.c"],
      "cflags": ["-O3", "-std=c11"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
