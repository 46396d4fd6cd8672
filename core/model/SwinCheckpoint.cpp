// Checkpoint I/O without Python. torch::pickle_load aborts on OrderedDicts (TOOLCHAIN.md trap 3), so the
// pickle stream of a torch.save file is read here by a small stack machine that only builds data: it knows
// the handful of globals a state dict uses and keeps every other object opaque, never calling anything.

#include "SwinCheckpoint.h"

#include "SwinModel.h"

#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>
#include <torch/torch.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

namespace hqa::core::swin {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::SwinCheckpoint", s); }

Error modelError(const QString& detail) { return makeError(ErrorCode::Model, detail); }

/// Bounds-checked in-memory source for PyTorchStreamReader (the stock adapter trusts every offset).
class BoundedReadAdapter final : public caffe2::serialize::ReadAdapterInterface {
public:
    BoundedReadAdapter(const char* data, size_t size)
        : m_data(data)
        , m_size(size)
    { }
    size_t size() const override { return m_size; }
    size_t read(uint64_t pos, void* buf, size_t n, const char*) const override
    {
        if (pos >= m_size)
            return 0;
        const size_t count = std::min<uint64_t>(n, m_size - pos);
        std::memcpy(buf, m_data + pos, count);
        return count;
    }

private:
    const char* m_data;
    size_t m_size;
};

std::unique_ptr<caffe2::serialize::PyTorchStreamReader> openZip(const QByteArray& bytes)
{
    return std::make_unique<caffe2::serialize::PyTorchStreamReader>(
        std::make_shared<BoundedReadAdapter>(bytes.constData(), size_t(bytes.size())));
}

// ------------------------------------------------------------------------------------------ pickle reader

struct PickleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct PyValue;
using PyPtr = std::shared_ptr<PyValue>;

struct PyValue {
    enum class Kind { None, Bool, Int, Float, String, Bytes, Tuple, List, Dict, Global, Opaque, Tensor, Mark };
    Kind kind = Kind::None;
    int64_t i = 0;
    double f = 0.0;
    std::string s; // String/Bytes payload; Global/Opaque: "module.name"
    std::vector<PyPtr> items;
    std::vector<std::pair<PyPtr, PyPtr>> dict;
    torch::Tensor tensor;
};

PyPtr make(PyValue::Kind k)
{
    auto v = std::make_shared<PyValue>();
    v->kind = k;
    return v;
}

std::optional<torch::ScalarType> storageDtype(const std::string& global)
{
    static const std::map<std::string, torch::ScalarType> kTypes = {
        {"torch.FloatStorage", torch::kFloat}, {"torch.DoubleStorage", torch::kDouble},
        {"torch.HalfStorage", torch::kHalf},   {"torch.BFloat16Storage", torch::kBFloat16},
        {"torch.LongStorage", torch::kLong},   {"torch.IntStorage", torch::kInt},
        {"torch.ShortStorage", torch::kShort}, {"torch.CharStorage", torch::kChar},
        {"torch.ByteStorage", torch::kByte},   {"torch.BoolStorage", torch::kBool}};
    auto it = kTypes.find(global);
    if (it == kTypes.end())
        return std::nullopt;
    return it->second;
}

class Unpickler {
public:
    using StorageLoader = std::function<torch::Tensor(const std::string& key, torch::ScalarType, int64_t numel)>;
    Unpickler(const char* data, size_t size, StorageLoader loader)
        : m_data(data)
        , m_size(size)
        , m_loader(std::move(loader))
    { }

    PyPtr run()
    {
        while (true) {
            const uint8_t op = u8();
            switch (op) {
            case 0x80:
                u8();
                break; // PROTO
            case 0x95:
                bytes(8);
                break; // FRAME
            case '.':
                return pop(); // STOP
            case '(':
                m_stack.push_back(make(PyValue::Kind::Mark));
                break;
            case '}':
                m_stack.push_back(make(PyValue::Kind::Dict));
                break;
            case ']':
                m_stack.push_back(make(PyValue::Kind::List));
                break;
            case ')':
                m_stack.push_back(make(PyValue::Kind::Tuple));
                break;
            case 'N':
                m_stack.push_back(make(PyValue::Kind::None));
                break;
            case 0x88:
            case 0x89: {
                auto v = make(PyValue::Kind::Bool);
                v->i = op == 0x88;
                m_stack.push_back(v);
                break;
            }
            case 'J':
                pushInt(int32_t(uint32_t(le(4))));
                break;
            case 'K':
                pushInt(u8());
                break;
            case 'M':
                pushInt(int64_t(le(2)));
                break;
            case 0x8a:
                pushLong(u8());
                break;
            case 0x8b:
                pushLong(size_t(le(4)));
                break;
            case 'G': {
                uint64_t bits = 0;
                for (int k = 0; k < 8; ++k)
                    bits = (bits << 8) | u8(); // big-endian
                auto v = make(PyValue::Kind::Float);
                std::memcpy(&v->f, &bits, 8);
                m_stack.push_back(v);
                break;
            }
            case 'X':
                pushString(size_t(le(4)), PyValue::Kind::String);
                break;
            case 0x8c:
                pushString(u8(), PyValue::Kind::String);
                break;
            case 0x8d:
                pushString(size_t(le(8)), PyValue::Kind::String);
                break;
            case 'B':
                pushString(size_t(le(4)), PyValue::Kind::Bytes);
                break;
            case 'C':
                pushString(u8(), PyValue::Kind::Bytes);
                break;
            case 0x8e:
                pushString(size_t(le(8)), PyValue::Kind::Bytes);
                break;
            case 'c': {
                const std::string module = line();
                const std::string name = line();
                auto g = make(PyValue::Kind::Global);
                g->s = module + "." + name;
                m_stack.push_back(g);
                break;
            }
            case 0x93: {
                auto name = pop(), module = pop();
                auto g = make(PyValue::Kind::Global);
                g->s = module->s + "." + name->s;
                m_stack.push_back(g);
                break;
            }
            case 'q':
                m_memo[u8()] = top();
                break;
            case 'r':
                m_memo[le(4)] = top();
                break;
            case 0x94:
                m_memo[m_memo.size()] = top();
                break;
            case 'h':
                m_stack.push_back(memo(u8()));
                break;
            case 'j':
                m_stack.push_back(memo(le(4)));
                break;
            case 't': {
                auto t = make(PyValue::Kind::Tuple);
                t->items = popToMark();
                m_stack.push_back(t);
                break;
            }
            case 0x85:
            case 0x86:
            case 0x87: {
                const size_t n = size_t(op - 0x84);
                if (m_stack.size() < n)
                    throw PickleError("stack underflow");
                auto t = make(PyValue::Kind::Tuple);
                t->items.assign(m_stack.end() - long(n), m_stack.end());
                m_stack.resize(m_stack.size() - n);
                m_stack.push_back(t);
                break;
            }
            case 'R':
            case 0x81: {
                auto args = pop(), callable = pop();
                m_stack.push_back(call(callable, args));
                break;
            }
            case 'b':
                pop();
                break; // BUILD: object state (OrderedDict._metadata, hooks) is not needed
            case 's': {
                auto value = pop(), key = pop();
                dictOf(top())->dict.emplace_back(key, value);
                break;
            }
            case 'u': {
                auto kv = popToMark();
                if (kv.size() % 2)
                    throw PickleError("odd SETITEMS");
                auto d = dictOf(top());
                for (size_t k = 0; k < kv.size(); k += 2)
                    d->dict.emplace_back(kv[k], kv[k + 1]);
                break;
            }
            case 'a': {
                auto value = pop();
                top()->items.push_back(value);
                break;
            }
            case 'e': {
                auto values = popToMark();
                auto list = top();
                list->items.insert(list->items.end(), values.begin(), values.end());
                break;
            }
            case 'Q':
                m_stack.push_back(persistent(pop()));
                break;
            default:
                throw PickleError("unsupported pickle opcode 0x" + hex(op) + " at offset " + std::to_string(m_pos - 1));
            }
        }
    }

private:
    static std::string hex(uint8_t v)
    {
        const char* d = "0123456789abcdef";
        return {d[v >> 4], d[v & 15]};
    }
    void need(size_t n) const
    {
        if (n > m_size - m_pos)
            throw PickleError("pickle stream ends early");
    }
    uint8_t u8()
    {
        need(1);
        return uint8_t(m_data[m_pos++]);
    }
    uint64_t le(int n)
    {
        need(size_t(n));
        uint64_t v = 0;
        for (int k = 0; k < n; ++k)
            v |= uint64_t(uint8_t(m_data[m_pos + size_t(k)])) << (8 * k);
        m_pos += size_t(n);
        return v;
    }
    std::string bytes(size_t n)
    {
        need(n);
        std::string s(m_data + m_pos, n);
        m_pos += n;
        return s;
    }
    std::string line()
    {
        const size_t start = m_pos;
        while (m_pos < m_size && m_data[m_pos] != '\n')
            ++m_pos;
        if (m_pos >= m_size)
            throw PickleError("pickle stream ends early");
        return std::string(m_data + start, m_data + m_pos++);
    }
    void pushInt(int64_t v)
    {
        auto p = make(PyValue::Kind::Int);
        p->i = v;
        m_stack.push_back(p);
    }
    void pushLong(size_t n)
    {
        if (n > 8)
            throw PickleError("integer too large");
        uint64_t v = n ? le(int(n)) : 0;
        if (n && n < 8 && (v >> (8 * n - 1)) & 1)
            v |= ~uint64_t(0) << (8 * n); // sign-extend
        pushInt(int64_t(v));
    }
    void pushString(size_t n, PyValue::Kind k)
    {
        auto p = make(k);
        p->s = bytes(n);
        m_stack.push_back(p);
    }
    PyPtr pop()
    {
        if (m_stack.empty())
            throw PickleError("stack underflow");
        auto v = m_stack.back();
        m_stack.pop_back();
        return v;
    }
    PyPtr top() const
    {
        if (m_stack.empty())
            throw PickleError("stack underflow");
        return m_stack.back();
    }
    PyPtr memo(uint64_t k) const
    {
        auto it = m_memo.find(k);
        if (it == m_memo.end())
            throw PickleError("unknown memo entry");
        return it->second;
    }
    std::vector<PyPtr> popToMark()
    {
        for (size_t k = m_stack.size(); k-- > 0;)
            if (m_stack[k]->kind == PyValue::Kind::Mark) {
                std::vector<PyPtr> items(m_stack.begin() + long(k) + 1, m_stack.end());
                m_stack.resize(k);
                return items;
            }
        throw PickleError("no mark on the stack");
    }
    static PyPtr dictOf(const PyPtr& v)
    {
        // Opaque objects (an unknown class reduced from a dict) may receive items too; keep them as a dict.
        if (v->kind != PyValue::Kind::Dict && v->kind != PyValue::Kind::Opaque)
            throw PickleError("SETITEM on a non-dict");
        return v;
    }
    static int64_t intArg(const PyPtr& v)
    {
        if (v->kind != PyValue::Kind::Int)
            throw PickleError("expected an integer in a tensor description");
        return v->i;
    }
    static std::vector<int64_t> intTuple(const PyPtr& v)
    {
        if (v->kind != PyValue::Kind::Tuple)
            throw PickleError("expected a tuple in a tensor description");
        std::vector<int64_t> out;
        for (const auto& x : v->items)
            out.push_back(intArg(x));
        return out;
    }

    PyPtr persistent(const PyPtr& pid)
    {
        if (pid->kind != PyValue::Kind::Tuple || pid->items.size() < 5 || pid->items[0]->s != "storage")
            throw PickleError("unknown persistent object");
        const auto dtype = storageDtype(pid->items[1]->s);
        if (!dtype)
            throw PickleError("unsupported storage type " + pid->items[1]->s);
        const std::string key = pid->items[2]->s;
        auto it = m_storages.find(key);
        if (it == m_storages.end())
            it = m_storages.emplace(key, m_loader(key, *dtype, intArg(pid->items[4]))).first;
        auto v = make(PyValue::Kind::Tensor);
        v->tensor = it->second;
        return v;
    }

    PyPtr call(const PyPtr& callable, const PyPtr& args)
    {
        const std::string& name = callable->s;
        if (callable->kind == PyValue::Kind::Global) {
            if (name == "collections.OrderedDict")
                return make(PyValue::Kind::Dict);
            if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor")
                return rebuildTensor(args);
            if ((name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state")
                && args->kind == PyValue::Kind::Tuple && !args->items.empty())
                return args->items[0];
        }
        auto v = make(PyValue::Kind::Opaque);
        v->s = name;
        return v;
    }

    PyPtr rebuildTensor(const PyPtr& args)
    {
        if (args->kind != PyValue::Kind::Tuple || args->items.size() < 4
            || args->items[0]->kind != PyValue::Kind::Tensor)
            throw PickleError("malformed tensor description");
        const torch::Tensor& storage = args->items[0]->tensor;
        const int64_t offset = intArg(args->items[1]);
        const auto size = intTuple(args->items[2]);
        const auto stride = intTuple(args->items[3]);
        if (size.size() != stride.size() || offset < 0)
            throw PickleError("malformed tensor description");
        int64_t last = offset, numel = 1;
        for (size_t k = 0; k < size.size(); ++k) {
            if (size[k] < 0 || stride[k] < 0)
                throw PickleError("malformed tensor description");
            numel *= size[k];
            last += (size[k] - 1) * stride[k];
        }
        if (numel > 0 && last >= storage.numel())
            throw PickleError("tensor reaches past its storage");
        auto v = make(PyValue::Kind::Tensor);
        v->tensor = storage.as_strided(size, stride, offset);
        return v;
    }

    const char* m_data;
    size_t m_size;
    size_t m_pos = 0;
    StorageLoader m_loader;
    std::vector<PyPtr> m_stack;
    std::map<uint64_t, PyPtr> m_memo;
    std::map<std::string, torch::Tensor> m_storages;
};

// Collects tensors of the most likely state dict: the dict itself when it holds tensors, else the first of
// the usual wrapper keys.
void collectTensors(const PyPtr& v, const std::string& prefix, TensorMap& out, int depth)
{
    if (depth > 8 || (v->kind != PyValue::Kind::Dict && v->kind != PyValue::Kind::Opaque))
        return;
    for (const auto& [k, value] : v->dict) {
        if (k->kind != PyValue::Kind::String)
            continue;
        const std::string name = prefix.empty() ? k->s : prefix + "." + k->s;
        if (value->kind == PyValue::Kind::Tensor)
            out[name] = value->tensor;
        else
            collectTensors(value, name, out, depth + 1);
    }
}

PyPtr findStateDict(const PyPtr& root)
{
    if (root->kind != PyValue::Kind::Dict)
        return nullptr;
    for (const auto& [k, value] : root->dict)
        if (value->kind == PyValue::Kind::Tensor)
            return root;
    for (const char* wrapper : {"model", "state_dict", "model_state_dict", "module", "net", "params"})
        for (const auto& [k, value] : root->dict)
            if (k->kind == PyValue::Kind::String && k->s == wrapper && value->kind == PyValue::Kind::Dict)
                return findStateDict(value);
    return nullptr;
}

bool startsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

bool endsWith(const std::string& s, const std::string& p)
{
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

} // namespace

// ------------------------------------------------------------------------------------------------ public

QString summariseProblems(const std::vector<std::string>& problems, int maxShown)
{
    QStringList shown;
    for (size_t k = 0; k < problems.size() && int(k) < maxShown; ++k)
        shown << QString::fromStdString(problems[k]);
    QString text = shown.join(QStringLiteral("; "));
    if (int(problems.size()) > maxShown)
        text += tr("; and %1 more").arg(problems.size() - size_t(maxShown));
    return text;
}

Expected<FileKind> sniffCheckpoint(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return modelError(tr("the model file is empty"));
    if (!bytes.startsWith("PK\x03\x04")) {
        if (uint8_t(bytes[0]) == 0x80 || bytes.startsWith("\x8a\x0a"))
            return modelError(tr("this is a PyTorch file in the legacy (pre-1.6) format; re-save it in Python "
                                 "with torch.save(obj, path) from PyTorch 1.6 or newer"));
        return modelError(tr("not a model file (neither a PyTorch checkpoint nor a TorchScript archive)"));
    }
    try {
        auto reader = openZip(bytes);
        if (reader->hasRecord("hqa/meta.json"))
            return FileKind::Product;
        if (reader->hasRecord("constants.pkl") || reader->hasRecord("code/__torch__.py"))
            return FileKind::TorchScript;
        for (const auto& r : reader->getAllRecords())
            if (startsWith(r, "code/"))
                return FileKind::TorchScript;
        if (reader->hasRecord("data.pkl"))
            return FileKind::TorchSave;
        return modelError(tr("a zip archive, but not a PyTorch checkpoint (no data.pkl)"));
    } catch (const std::exception& e) {
        return modelError(tr("a damaged archive, or a zip that is not a PyTorch file: %1")
                              .arg(QString::fromUtf8(e.what()).section('\n', 0, 0)));
    }
}

Expected<TensorMap> readTorchSave(const QByteArray& bytes)
{
    try {
        auto reader = openZip(bytes);
        auto [pklData, pklSize] = reader->getRecord("data.pkl");
        auto loader = [&reader](const std::string& key, torch::ScalarType dtype, int64_t numel) {
            const std::string record = "data/" + key;
            if (!reader->hasRecord(record))
                throw PickleError("storage record " + record + " is missing");
            auto [ptr, size] = reader->getRecord(record);
            const size_t needed = size_t(numel) * c10::elementSize(dtype);
            if (numel < 0 || size < needed)
                throw PickleError("storage record " + record + " is shorter than its tensor");
            auto t = torch::empty({numel}, torch::TensorOptions().dtype(dtype));
            std::memcpy(t.data_ptr(), ptr.get(), needed);
            return t;
        };
        Unpickler unpickler(static_cast<const char*>(pklData.get()), pklSize, loader);
        PyPtr root = unpickler.run();
        PyPtr sd = findStateDict(root);
        if (!sd)
            return modelError(tr("the checkpoint holds no state dict (expected a dict of tensors, possibly "
                                 "under \"model\" or \"state_dict\")"));
        TensorMap out;
        collectTensors(sd, {}, out, 0);
        if (out.empty())
            return modelError(tr("the checkpoint's state dict holds no tensors"));
        return out;
    } catch (const PickleError& e) {
        return modelError(tr("cannot read the checkpoint: %1").arg(QString::fromStdString(e.what())));
    } catch (const std::exception& e) {
        return modelError(tr("damaged checkpoint: %1").arg(QString::fromUtf8(e.what()).section('\n', 0, 0)));
    }
}

Expected<Layout> toTorchvisionLayout(const TensorMap& source)
{
    // Wrapper prefixes: whatever stands before the patch embedding's name is stripped from every key.
    std::string prefix;
    bool found = false;
    for (const auto& [k, t] : source)
        for (const char* anchor : {"features.0.0.weight", "patch_embed.proj.weight"})
            if (endsWith(k, anchor)) {
                prefix = k.substr(0, k.size() - std::strlen(anchor));
                found = true;
            }
    if (!found)
        return modelError(tr("not a Swin Transformer checkpoint: no patch embedding (features.0.0.weight or "
                             "patch_embed.proj.weight) among %1 tensors")
                              .arg(source.size()));
    TensorMap in;
    for (const auto& [k, t] : source)
        in[startsWith(k, prefix) ? k.substr(prefix.size()) : k] = t;

    Layout out;
    const bool torchvision = in.count("features.0.0.weight") > 0;
    // Microsoft's original code stores the patch merging at the end of stage i (layers.i.downsample,
    // i = 0..n-2); timm 0.9+ moved it to the start of stage i+1 (layers.i+1.downsample).
    const bool timmNew = !torchvision && in.count("layers.0.downsample.reduction.weight") == 0
        && in.count("layers.1.downsample.reduction.weight") > 0;
    out.name = torchvision ? QStringLiteral("torchvision")
        : timmNew          ? QStringLiteral("timm")
                           : QStringLiteral("microsoft");

    std::map<int, std::vector<std::pair<int, torch::Tensor>>> splitHeads[2]; // heads.N.{weight,bias}
    for (const auto& [key, t] : in) {
        std::string k = key;
        if (endsWith(k, "num_batches_tracked"))
            continue;
        if (startsWith(k, "heads.") && k != "heads.weight" && k != "heads.bias") {
            // Six separate Linear(F, 1) heads: stacked into one Linear(F, 6) below.
            const std::string rest = k.substr(6);
            const size_t dot = rest.find('.');
            try {
                const int idx = std::stoi(rest.substr(0, dot));
                const std::string leaf = dot == std::string::npos ? "" : rest.substr(rest.rfind('.') + 1);
                if (leaf == "weight" || leaf == "bias") {
                    splitHeads[leaf == "bias"][0].emplace_back(idx, t);
                    continue;
                }
            } catch (const std::exception&) { }
        }
        if (!torchvision) {
            if (endsWith(k, ".attn_mask"))
                continue; // derived buffer, recomputed
            if (startsWith(k, "patch_embed.proj."))
                k = "features.0.0." + k.substr(17);
            else if (startsWith(k, "patch_embed.norm."))
                k = "features.0.2." + k.substr(17);
            else if (startsWith(k, "head.fc."))
                k = "head." + k.substr(8);
            else if (startsWith(k, "layers.")) {
                const size_t dot = k.find('.', 7);
                int stage = -1;
                try {
                    stage = std::stoi(k.substr(7, dot - 7));
                } catch (const std::exception&) { }
                const std::string rest = dot == std::string::npos ? "" : k.substr(dot + 1);
                if (stage >= 0 && startsWith(rest, "blocks.")) {
                    std::string r = rest.substr(7); // "M.norm1.weight"
                    const size_t d2 = r.find('.');
                    std::string tail = d2 == std::string::npos ? "" : r.substr(d2 + 1);
                    if (startsWith(tail, "mlp.fc1."))
                        tail = "mlp.0." + tail.substr(8);
                    else if (startsWith(tail, "mlp.fc2."))
                        tail = "mlp.3." + tail.substr(8);
                    k = "features." + std::to_string(2 * stage + 1) + "." + r.substr(0, d2) + "." + tail;
                } else if (stage >= 0 && startsWith(rest, "downsample.")) {
                    const int index = timmNew ? 2 * stage : 2 * stage + 2;
                    k = "features." + std::to_string(index) + "." + rest.substr(11);
                }
            }
        }
        out.tensors[k] = t;
    }
    for (int b = 0; b < 2; ++b) {
        auto& parts = splitHeads[b][0];
        if (parts.empty())
            continue;
        std::sort(parts.begin(), parts.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        std::vector<torch::Tensor> rows;
        for (size_t k = 0; k < parts.size(); ++k) {
            if (parts[k].first != int(k))
                return modelError(tr("the per-attribute heads are not numbered 0..%1").arg(parts.size() - 1));
            rows.push_back(parts[k].second.reshape(b ? std::vector<int64_t>{-1}
                                                     : std::vector<int64_t>{-1, parts[k].second.size(-1)}));
        }
        out.tensors[b ? "heads.bias" : "heads.weight"] = torch::cat(rows, 0);
    }
    return out;
}

Expected<SwinConfig> inferConfig(const TensorMap& tv)
{
    auto get = [&tv](const std::string& k) -> torch::Tensor {
        auto it = tv.find(k);
        return it == tv.end() ? torch::Tensor() : it->second;
    };
    SwinConfig c;
    auto embed = get("features.0.0.weight");
    if (!embed.defined() || embed.dim() != 4 || embed.size(1) != 3 || embed.size(2) != embed.size(3))
        return modelError(tr("the patch embedding features.0.0.weight is missing or not [C, 3, P, P]"));
    c.embedDim = int(embed.size(0));
    c.patchSize = int(embed.size(2));
    c.depths.clear();
    c.numHeads.clear();
    for (int s = 0;; ++s) {
        const std::string stage = "features." + std::to_string(2 * s + 1) + ".";
        int blocks = 0;
        while (get(stage + std::to_string(blocks) + ".norm1.weight").defined())
            ++blocks;
        if (blocks == 0)
            break;
        auto table = get(stage + "0.attn.relative_position_bias_table");
        if (!table.defined() || table.dim() != 2)
            return modelError(tr("stage %1 has no relative position bias table").arg(s));
        const int side = int(std::lround(std::sqrt(double(table.size(0)))));
        if (side * side != table.size(0) || side % 2 == 0)
            return modelError(tr("stage %1: relative position bias table of %2 rows fits no square window")
                                  .arg(s)
                                  .arg(table.size(0)));
        c.windowSize = (side + 1) / 2;
        c.depths.push_back(blocks);
        c.numHeads.push_back(int(table.size(1)));
    }
    if (c.depths.empty())
        return modelError(tr("no Swin Transformer blocks found (features.1.0.norm1.weight)"));
    auto fc1 = get("features.1.0.mlp.0.weight");
    if (fc1.defined())
        c.mlpRatio = double(fc1.size(0)) / c.embedDim;
    auto head = get("head.weight");
    c.numClasses = head.defined() ? int(head.size(0)) : 0;
    auto heads = get("heads.weight");
    c.attributeHeads = heads.defined() ? int(heads.size(0)) : 0;
    const QString problem = c.validate();
    if (!problem.isEmpty())
        return modelError(problem);
    return c;
}

QByteArray writeProduct(const TensorMap& tensors, const QJsonObject& metadata)
{
    QByteArray out;
    caffe2::serialize::PyTorchStreamWriter writer([&out](const void* data, size_t n) {
        out.append(static_cast<const char*>(data), qsizetype(n));
        return n;
    });
    QJsonArray table;
    int index = 0;
    std::vector<std::pair<std::string, torch::Tensor>> records;
    for (const auto& [name, t] : tensors) {
        const bool integral = !t.is_floating_point();
        auto data = (integral ? t.to(torch::kLong) : t.to(torch::kFloat)).contiguous();
        QJsonArray shape;
        for (int64_t d : data.sizes())
            shape.append(qint64(d));
        const std::string record = "hqa/tensors/" + std::to_string(index++);
        table.append(QJsonObject{{"name", QString::fromStdString(name)},
                                 {"dtype", integral ? "int64" : "float32"},
                                 {"shape", shape},
                                 {"record", QString::fromStdString(record)}});
        records.emplace_back(record, data);
    }
    QJsonObject meta{{"format", "headshot-qa-swin"},
                     {"format_version", metadata.value("format_version").toInt(kSwinFormatVersion)},
                     {"metadata", metadata},
                     {"tensors", table}};
    const QByteArray json = QJsonDocument(meta).toJson(QJsonDocument::Indented);
    writer.writeRecord("hqa/meta.json", json.constData(), size_t(json.size()));
    for (const auto& [record, data] : records)
        writer.writeRecord(record, data.data_ptr(), data.numel() * data.element_size());
    writer.writeEndOfFile();
    return out;
}

Expected<ProductFile> readProduct(const QByteArray& bytes)
{
    try {
        auto reader = openZip(bytes);
        auto [metaPtr, metaSize] = reader->getRecord("hqa/meta.json");
        QJsonParseError perr;
        const auto doc = QJsonDocument::fromJson(
            QByteArray(static_cast<const char*>(metaPtr.get()), qsizetype(metaSize)), &perr);
        if (!doc.isObject() || doc.object().value("format").toString() != QLatin1String("headshot-qa-swin"))
            return modelError(tr("damaged model file: its description (hqa/meta.json) is unreadable"));
        const QJsonObject root = doc.object();
        const int version = root.value("format_version").toInt(-1);
        if (version < 1)
            return modelError(tr("damaged model file: no format version"));
        if (version > kSwinFormatVersion)
            return modelError(tr("the model file has format version %1, newer than this program reads (%2); "
                                 "update headshot-qa to use it")
                                  .arg(version)
                                  .arg(kSwinFormatVersion));
        ProductFile file;
        file.metadata = root.value("metadata").toObject();
        for (const QJsonValue& v : root.value("tensors").toArray()) {
            const QJsonObject o = v.toObject();
            const std::string name = o.value("name").toString().toStdString();
            const std::string record = o.value("record").toString().toStdString();
            const bool integral = o.value("dtype").toString() == QLatin1String("int64");
            std::vector<int64_t> shape;
            int64_t numel = 1;
            for (const QJsonValue& d : o.value("shape").toArray()) {
                shape.push_back(d.toInteger());
                numel *= std::max<int64_t>(0, shape.back());
            }
            if (!reader->hasRecord(record))
                return modelError(tr("damaged model file: tensor %1 has no data").arg(QString::fromStdString(name)));
            auto [ptr, size] = reader->getRecord(record);
            auto t = torch::empty(shape, integral ? torch::kLong : torch::kFloat);
            if (size != size_t(numel) * t.element_size())
                return modelError(tr("damaged model file: tensor %1 has %2 bytes, expected %3")
                                      .arg(QString::fromStdString(name))
                                      .arg(size)
                                      .arg(numel * t.element_size()));
            std::memcpy(t.data_ptr(), ptr.get(), size);
            file.tensors[name] = t;
        }
        return file;
    } catch (const std::exception& e) {
        return modelError(tr("damaged model file: %1").arg(QString::fromUtf8(e.what()).section('\n', 0, 0)));
    }
}

} // namespace hqa::core::swin
