// Checks on raw artifact bytes, in the order Artifact::load runs them.
#include <cctype>
#include <cstring>
#include <string>

#include "ArtifactFlatbuffer.h"

namespace brt::fbconv {

namespace {
flatbuffers::Verifier::Options verifierOptions() {
  flatbuffers::Verifier::Options options;
  options.max_depth = 64;
  options.max_tables = 1u << 28;  // large programs have many small tables
  return options;
}

std::string escapeBytes(const uint8_t* data, size_t size) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    uint8_t c = data[i];
    if (std::isprint(c) && c != '"' && c != '\\') {
      out.push_back(static_cast<char>(c));
    } else {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// A hint for a few file kinds people pass by mistake.
std::string guessFileKind(const uint8_t* data, size_t size) {
  struct Magic {
    const char* bytes;
    size_t length;
    const char* kind;
  };
  static const Magic kMagics[] = {
      {"\x89PNG", 4, "a PNG image"},         {"\x7f" "ELF", 4, "an ELF binary"},
      {"\x93NUMPY", 6, "a .npy array"},      {"PK\x03\x04", 4, "a zip archive (.pt?)"},
      {"ML\xef\x52", 4, "MLIR bytecode"},    {"\x1f\x8b", 2, "a gzip file"},
  };
  for (const Magic& magic : kMagics)
    if (size >= magic.length && std::memcmp(data, magic.bytes, magic.length) == 0)
      return std::string(" (it looks like ") + magic.kind + ")";
  return "";
}

uint32_t readU32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}
}  // namespace

Status checkEnvelope(const uint8_t* data, size_t size) {
  if (size >= FLATBUFFERS_MAX_BUFFER_SIZE)
    return unsupportedError("artifact of ", size, " bytes exceeds the format's 2 GiB limit");
  if (size == 0) return invalidArgumentError("empty input, not a .byre artifact");
  if (size < kHeaderSize)
    return corruptError("input of ", size, " bytes is too small to be a .byre artifact (",
                        "truncated?)");
  if (!flatbuffers::BufferHasIdentifier(data, kFileIdentifier, /*size_prefixed=*/true))
    return invalidArgumentError("not a .byre artifact: expected the identifier \"",
                                kFileIdentifier, "\" at byte 8, found \"",
                                escapeBytes(data + 8, 4), "\"", guessFileKind(data, size));
  uint64_t declared = readU32(data);
  uint64_t present = size - sizeof(uint32_t);
  if (declared > present)
    return corruptError("artifact is truncated: its header declares ", declared + 4,
                        " bytes, only ", size, " are present");
  if (declared < present)
    return corruptError("artifact has ", present - declared,
                        " unexpected bytes after its end (at byte ", declared + 4, ")");
  return okStatus();
}

StatusOr<FormatVersion> peekVersion(const uint8_t* data, size_t size) {
  flatbuffers::Verifier verifier(data, size, verifierOptions());
  flatbuffers::uoffset_t rootOffset = verifier.VerifyOffset(sizeof(uint32_t));
  if (rootOffset == 0) return corruptError("artifact is corrupt: bad root offset");
  auto* root = reinterpret_cast<const flatbuffers::Table*>(data + sizeof(uint32_t) + rootOffset);
  if (!root->VerifyTableStart(verifier) ||
      !root->VerifyField<fb::FormatVersion>(verifier, fb::Module::VT_VERSION,
                                            alignof(fb::FormatVersion)))
    return corruptError("artifact is corrupt: cannot read its format version");
  auto* version = root->GetStruct<const fb::FormatVersion*>(fb::Module::VT_VERSION);
  if (!version) return corruptError("artifact has no format version");
  return FormatVersion{version->major_version(), version->minor_version()};
}

Status checkFormatVersion(FormatVersion version) {
  if (version.major > kFormatVersion.major)
    return unsupportedError("artifact format ", version, " is newer than this runtime's ",
                            kFormatVersion, "; use a newer runtime or recompile the model");
  if (version < kOldestReadableVersion)
    return unsupportedError("artifact format ", version,
                            " is older than the oldest this runtime reads (",
                            kOldestReadableVersion, ")",
                            version < kChecksumsSince && version.major == kChecksumsSince.major
                                ? ": it has no integrity checksums"
                                : "",
                            "; recompile the model");
  return okStatus();
}

Status verifyStructure(const uint8_t* data, size_t size) {
  flatbuffers::Verifier verifier(data, size, verifierOptions());
  if (!fb::VerifySizePrefixedModuleBuffer(verifier))
    return corruptError("artifact is corrupt: it fails FlatBuffers verification");
  return okStatus();
}

Status checkWeightsAlignment(const fb::Module& module, const uint8_t* base) {
  const flatbuffers::Vector<uint8_t>* weights = module.weights();
  if (!weights || weights->size() == 0) return okStatus();
  size_t offset = static_cast<size_t>(weights->data() - base);
  if (offset % kWeightAlignment != 0)
    return corruptError("artifact's weights blob starts at byte ", offset,
                        ", not a multiple of ", kWeightAlignment);
  return okStatus();
}

}  // namespace brt::fbconv
