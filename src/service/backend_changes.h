#pragma once
// The changes of the backend environment operations (docs/DECISIONS.md "Apps and
// environments"): what CreateBackend, CloneBackend, DeleteBackend and RemoveAllBackends apply
// when their jobs complete.
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "service/job_changes.h"

namespace amplify::service {

// Creates the environment, and the app when it is new.
class CreateBackendChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "CreateBackend";
  CreateBackendChange(std::string app_id, std::string environment, std::string app_name,
                      int64_t created_ms);
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app_id_; }
  Status Applies(Snapshot& read) const override;
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;
  bool ApplyCanFail() const override { return false; }

 private:
  std::string app_id_, environment_, app_name_;
  int64_t created_ms_;
};

// Copies the source environment and its resources into a new target environment.
class CloneBackendChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "CloneBackend";
  CloneBackendChange(std::string app_id, std::string source, std::string target,
                     int64_t created_ms);
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app_id_; }
  Status Applies(Snapshot& read) const override;
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;
  bool ApplyCanFail() const override { return false; }

 private:
  std::string app_id_, source_, target_;
  int64_t created_ms_;
};

// Removes the environment, its resources and the S3 buckets only its storage used.
class DeleteBackendChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "DeleteBackend";
  DeleteBackendChange(std::string app_id, std::string environment);
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app_id_; }
  Status Applies(Snapshot& read) const override;
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;
  bool ApplyCanFail() const override { return false; }

 private:
  std::string app_id_, environment_;
};

// Removes every environment; with cleanAmplifyApp the app and its config too.
class RemoveAllBackendsChange final : public ServiceChange {
 public:
  static constexpr std::string_view kKind = "RemoveAllBackends";
  RemoveAllBackendsChange(std::string app_id, bool clean_app);
  static std::unique_ptr<ServiceChange> Decode(const boost::json::object& data);

  std::string_view Kind() const override { return kKind; }
  std::string Encode() const override;
  const std::string& app_id() const override { return app_id_; }
  Status Applies(Snapshot& read) const override;
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t now_ms) override;
  bool ApplyCanFail() const override { return false; }

 private:
  std::string app_id_;
  bool clean_app_;
};

}  // namespace amplify::service
