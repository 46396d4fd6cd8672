#include "core/select/FaceCollector.h"

#include "core/engine/BatchRunner.h"
#include "core/image/ImageDecoder.h"
#include "core/select/FaceScorer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::FaceCollector", text); }

/// Analysis threads, each with its own scorer (FaceAnalyzer is not thread-safe; the landmark model is shared).
Expected<std::vector<std::unique_ptr<FaceScorer>>> makeScorers(int threads)
{
    std::vector<std::unique_ptr<FaceScorer>> scorers;
    for (int i = 0; i < std::max(1, threads); ++i) {
        scorers.push_back(std::make_unique<FaceScorer>());
        if (auto error = scorers.back()->load())
            return *error;
    }
    return scorers;
}

/// Runs job(worker, item) for items 0..count-1 on one thread per scorer.
void runParallel(int count, int workers, const std::function<void(int, int)>& job)
{
    std::atomic<int> next{0};
    auto loop = [&](int worker) {
        for (int i = next++; i < count; i = next++)
            job(worker, i);
    };
    const int n = std::clamp(workers, 1, std::max(1, count));
    std::vector<std::thread> pool;
    for (int w = 1; w < n; ++w)
        pool.emplace_back(loop, w);
    loop(0);
    for (auto& t : pool)
        t.join();
}

std::string local(const QString& path) { return QFile::encodeName(path).toStdString(); }

} // namespace

bool isVideoFile(const QString& path)
{
    static const QStringList kExt = {QStringLiteral("mp4"), QStringLiteral("m4v"),  QStringLiteral("mov"),
                                     QStringLiteral("avi"), QStringLiteral("mkv"),  QStringLiteral("webm"),
                                     QStringLiteral("mpg"), QStringLiteral("mpeg"), QStringLiteral("ogv"),
                                     QStringLiteral("wmv")};
    return kExt.contains(QFileInfo(path).suffix().toLower());
}

Expected<CollectResult> collectPhotos(const QStringList& files, const QString& name, const CollectOptions& options)
{
    CollectResult result;
    QElapsedTimer timer;
    timer.start();
    auto scorers = makeScorers(std::min<int>(options.threads, std::max<qsizetype>(1, files.size())));
    if (!scorers)
        return scorers.error();

    std::vector<std::vector<FaceCandidate>> found(files.size());
    std::vector<std::optional<Error>> errors(files.size());
    std::atomic<int> done{0};
    std::atomic<bool> cancelled{false};
    std::mutex progressMutex;
    runParallel(static_cast<int>(files.size()), static_cast<int>(scorers->size()), [&](int worker, int i) {
        if (cancelled)
            return;
        // Counted whichever way the photo ends (error or faces), so progress reaches the total.
        struct Done {
            const CollectOptions& o;
            std::atomic<int>& n;
            std::atomic<bool>& stop;
            std::mutex& m;
            int total;
            ~Done()
            {
                const int now = ++n;
                if (!o.progress)
                    return;
                const std::lock_guard lock(m);
                if (!o.progress(now, total))
                    stop = true;
            }
        } countDone{options, done, cancelled, progressMutex, static_cast<int>(files.size())};
        DecodeOptions decode;
        decode.maxLongSide = 1600;
        auto image = decodeImageFile(files[i], decode);
        if (!image) {
            errors[i] = image.error();
            return;
        }
        const double toOriginal = image->scale > 0 ? 1.0 / image->scale : 1.0;
        auto faces = (*scorers)[worker]->score(image->bgr, toOriginal, false);
        if (!faces) {
            errors[i] = faces.error();
            return;
        }
        if (faces->empty()) {
            errors[i] = makeError(ErrorCode::NoFace, tr("no face with landmarks found"));
            return;
        }
        for (FaceCandidate& f : *faces) {
            f.source = files[i];
            f.imageSize = image->originalSize;
        }
        found[i] = std::move(*faces);
    });

    if (cancelled)
        return makeError(ErrorCode::Cancelled, tr("cancelled"));
    FaceGroup group;
    group.name = name;
    group.source = files.isEmpty() ? QString() : files.front();
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (errors[i]) {
            result.failures.push_back({files[i], *errors[i]});
            continue;
        }
        // One person per folder: the dominant face of each photo.
        group.faces.push_back(std::move(found[i].front()));
    }
    result.stats.facesFound = static_cast<int>(group.faces.size());
    if (!group.faces.empty())
        result.groups.push_back(std::move(group));
    result.stats.seconds = timer.nsecsElapsed() / 1e9;
    return result;
}

Expected<CollectResult> collectVideo(const QString& path, const CollectOptions& options)
{
    CollectResult result;
    QElapsedTimer timer;
    timer.start();
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::Io, tr("no such video: %1").arg(path));
    cv::VideoCapture video(local(path));
    if (!video.isOpened())
        return makeError(ErrorCode::Unreadable, tr("OpenCV cannot read the video %1").arg(path));
    const double fps = video.get(cv::CAP_PROP_FPS);
    result.stats.videoFps = fps;
    int every = std::max(1, options.every);
    if (options.sampleFps > 0 && fps > 0)
        every = std::max(1, static_cast<int>(std::lround(fps / options.sampleFps)));

    const double frameCount = video.get(cv::CAP_PROP_FRAME_COUNT);
    int expectedSamples = frameCount > 0 ? static_cast<int>(std::ceil(frameCount / every)) : 0;
    if (options.maxSamples > 0)
        expectedSamples = expectedSamples > 0 ? std::min(expectedSamples, options.maxSamples) : options.maxSamples;

    auto scorers = makeScorers(options.threads);
    if (!scorers)
        return scorers.error();
    const int workers = static_cast<int>(scorers->size());

    FaceTracker tracker(options.tracker);
    struct Sample {
        cv::Mat frame;
        int index = 0;
        std::vector<FaceCandidate> faces;
        std::optional<Error> error;
    };
    // Frames are analysed in batches on the workers, so memory stays at a few frames however long the video is.
    const int batchSize = 4 * workers;
    int frameIndex = 0, sampleIndex = 0;
    bool more = true;
    // Analysis scale for the next batch (1 = original): the long-side cap until faces are known, then the scale
    // that brings the smallest face seen in the last batch to the target eye distance.
    double nextScale = 1.0;
    bool scaleFromFaces = false;
    std::optional<Error> modelError;
    // Reads the next batch of sampled frames (grabbing the skipped ones); false when the video has ended.
    auto readBatch = [&](std::vector<Sample>& batch) {
        QElapsedTimer decodeTimer;
        decodeTimer.start();
        bool going = true;
        while (static_cast<int>(batch.size()) < batchSize) {
            if (options.maxSamples > 0 && result.stats.framesSampled >= options.maxSamples) {
                going = false;
                break;
            }
            const bool sampled = frameIndex % every == 0;
            Sample s;
            const bool ok = sampled ? video.read(s.frame) : video.grab();
            if (!ok || (sampled && s.frame.empty())) {
                going = false;
                break;
            }
            ++result.stats.framesRead;
            if (sampled) {
                s.index = frameIndex;
                if (result.stats.frameSize.empty())
                    result.stats.frameSize = s.frame.size();
                ++result.stats.framesSampled;
                batch.push_back(std::move(s));
            }
            ++frameIndex;
        }
        result.stats.decodeMs += decodeTimer.nsecsElapsed() / 1e6;
        return going;
    };
    // Decoding runs one batch ahead on its own thread while the workers analyse the current batch, so the
    // cores never wait for the decoder (about a tenth of the work at 720x576).
    std::vector<Sample> ahead;
    more = readBatch(ahead);
    while (!ahead.empty() && !modelError) {
        std::vector<Sample> batch = std::move(ahead);
        ahead.clear();
        std::thread decoder;
        if (more)
            decoder = std::thread([&] { more = readBatch(ahead); });
        struct JoinDecoder {
            std::thread& t;
            ~JoinDecoder()
            {
                if (t.joinable())
                    t.join();
            }
        } joinDecoder{decoder};
        runParallel(static_cast<int>(batch.size()), workers, [&](int worker, int i) {
            Sample& s = batch[i];
            cv::Mat work = s.frame;
            double toOriginal = 1.0;
            const int longSide = std::max(work.cols, work.rows);
            double k = options.analysisLongSide > 0 ? std::min(1.0, double(options.analysisLongSide) / longSide) : 1.0;
            if (scaleFromFaces)
                k = std::clamp(nextScale, std::min(1.0, double(options.minAnalysisLongSide) / longSide), 1.0);
            if (k < 0.98) {
                cv::resize(s.frame, work, cv::Size(), k, k, cv::INTER_AREA);
                toOriginal = 1.0 / k;
            }
            if (work.type() != CV_8UC3) {
                cv::Mat converted;
                if (work.channels() == 1)
                    cv::cvtColor(work, converted, cv::COLOR_GRAY2BGR);
                else if (work.channels() == 4)
                    cv::cvtColor(work, converted, cv::COLOR_BGRA2BGR);
                work = converted;
            }
            auto faces = (*scorers)[worker]->score(work, toOriginal, options.allFaces);
            if (!faces) {
                s.error = faces.error();
                return;
            }
            s.faces = std::move(*faces);
        });
        double smallestIed = 0;
        for (const Sample& s : batch)
            for (const FaceCandidate& f : s.faces)
                if (f.geometry.interEyeDistance > 0 && (smallestIed == 0 || f.geometry.interEyeDistance < smallestIed))
                    smallestIed = f.geometry.interEyeDistance;
        scaleFromFaces = options.targetIed > 0 && smallestIed > 0;
        nextScale = scaleFromFaces ? options.targetIed / smallestIed : 1.0;
        for (Sample& s : batch) {
            if (s.error) {
                if (s.error->code == ErrorCode::Model)
                    modelError = s.error;
                continue;
            }
            for (FaceCandidate& f : s.faces) {
                f.source = path;
                f.frameIndex = s.index;
                f.timeSeconds = fps > 0 ? s.index / fps : -1.0;
                f.imageSize = s.frame.size();
            }
            result.stats.facesFound += static_cast<int>(s.faces.size());
            tracker.addFrame(sampleIndex++, std::move(s.faces));
        }
        if (options.progress && !modelError && !options.progress(sampleIndex, expectedSamples)) {
            return makeError(ErrorCode::Cancelled, tr("cancelled"));
        }
    }
    if (modelError)
        return *modelError;
    for (const auto& scorer : *scorers) {
        result.stats.analyzeMs += scorer->analyzeMs();
        result.stats.measuresMs += scorer->measuresMs();
        result.stats.faceWallMs += scorer->faceWallMs();
        result.stats.maskWallMs += scorer->maskWallMs();
    }

    // A very short clip may have too few samples for the passer-by rule: then every track counts.
    const int minFaces = result.stats.framesSampled >= 4 * options.minTrackFaces ? options.minTrackFaces : 1;
    auto tracks = tracker.tracks(minFaces);
    const QString name = QFileInfo(path).fileName();
    for (size_t i = 0; i < tracks.size(); ++i) {
        FaceGroup g;
        g.name = tracks.size() == 1 ? name : QStringLiteral("%1 #%2").arg(name).arg(i + 1);
        g.source = path;
        g.video = true;
        g.faces = std::move(tracks[i]);
        result.groups.push_back(std::move(g));
    }
    if (result.stats.framesSampled == 0)
        result.failures.push_back({path, makeError(ErrorCode::Unreadable, tr("no frame could be decoded"))});
    else if (result.groups.empty())
        result.failures.push_back(
            {path,
             makeError(ErrorCode::NoFace, tr("no face found in %1 sampled frames").arg(result.stats.framesSampled))});
    result.stats.seconds = timer.nsecsElapsed() / 1e9;
    return result;
}

Expected<CollectResult> collectGroups(const QStringList& paths, const CollectOptions& options)
{
    CollectResult all;
    QStringList looseFiles;
    auto merge = [&](CollectResult&& r) {
        for (auto& g : r.groups)
            all.groups.push_back(std::move(g));
        for (auto& f : r.failures)
            all.failures.push_back(std::move(f));
        all.stats.framesRead += r.stats.framesRead;
        all.stats.framesSampled += r.stats.framesSampled;
        all.stats.facesFound += r.stats.facesFound;
        all.stats.seconds += r.stats.seconds;
        all.stats.decodeMs += r.stats.decodeMs;
        all.stats.analyzeMs += r.stats.analyzeMs;
        all.stats.measuresMs += r.stats.measuresMs;
        if (all.stats.frameSize.empty())
            all.stats.frameSize = r.stats.frameSize;
        if (all.stats.videoFps <= 0)
            all.stats.videoFps = r.stats.videoFps;
    };
    for (const QString& p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            const QStringList files = expandInputs({p});
            if (files.isEmpty()) {
                all.failures.push_back({p, makeError(ErrorCode::Io, tr("no photos in folder %1").arg(p))});
                continue;
            }
            auto r = collectPhotos(files, info.fileName().isEmpty() ? p : info.fileName(), options);
            if (!r)
                return r.error();
            merge(std::move(*r));
        } else if (isVideoFile(p)) {
            auto r = collectVideo(p, options);
            if (!r) {
                if (r.error().code == ErrorCode::Model)
                    return r.error();
                all.failures.push_back({p, r.error()});
                continue;
            }
            merge(std::move(*r));
        } else {
            looseFiles << p;
        }
    }
    if (!looseFiles.isEmpty()) {
        auto r = collectPhotos(looseFiles, tr("files"), options);
        if (!r)
            return r.error();
        merge(std::move(*r));
    }
    return all;
}

cv::Mat readVideoFrame(const QString& path, int index)
{
    cv::VideoCapture video(local(path));
    if (!video.isOpened() || index < 0)
        return {};
    for (int i = 0; i < index; ++i)
        if (!video.grab())
            return {};
    cv::Mat frame;
    video.read(frame);
    return frame;
}

Expected<cv::Mat> loadCandidateImage(const FaceCandidate& face)
{
    if (face.frameIndex >= 0) {
        cv::Mat frame = readVideoFrame(face.source, face.frameIndex);
        if (frame.empty())
            return makeError(ErrorCode::Unreadable,
                             tr("cannot read frame %1 of %2").arg(face.frameIndex).arg(face.source));
        return frame;
    }
    auto image = decodeImageFile(face.source);
    if (!image)
        return image.error();
    return image->bgr;
}

} // namespace hqa::core
