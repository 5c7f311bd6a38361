//! What the page says about the linked `racemap` core crate.

/// One line for the page footer: the core's version and what it checks.
pub fn core_summary() -> String {
    format!(
        "racemap v{} · Go's race detector and map checks, simulated step by step in your \
         browser (no server) · compile errors shown Go-style, at most {}",
        env!("CARGO_PKG_VERSION"),
        racemap::diag::MAX_ERRORS
    )
}

/// The library racemap implements, by package: `("sync", ["Mutex.Lock", …])`, in the core's
/// table order (methods named `Type.Method`; methods of predeclared interfaces such as
/// `error.Error` belong to no package, and runtime hooks cannot be called: both are left out).
pub fn library_by_package() -> Vec<(&'static str, Vec<String>)> {
    use racemap::library::{LibFunc, Owner};
    let mut packages: Vec<(&'static str, Vec<String>)> = Vec::new();
    for f in LibFunc::ALL {
        let spec = f.spec();
        let (package, member) = match spec.owner {
            Owner::Package(path) | Owner::PackageVar(path) => (path, spec.name.to_string()),
            Owner::Sync(kind) => (
                kind.package_path(),
                format!("{}.{}", kind.type_name(), spec.name),
            ),
            Owner::Struct(path, type_name) => (path, format!("{type_name}.{}", spec.name)),
            Owner::Interface(_) | Owner::Runtime(_) => continue,
        };
        match packages.iter_mut().find(|(p, _)| *p == package) {
            Some((_, members)) => members.push(member),
            None => packages.push((package, vec![member])),
        }
    }
    packages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_is_listed_by_package_with_plain_method_names() {
        let packages = library_by_package();
        let members = |name: &str| {
            packages
                .iter()
                .find(|(p, _)| *p == name)
                .map(|(_, m)| m.clone())
                .unwrap_or_default()
        };
        assert!(members("sync").contains(&"Mutex.Lock".to_string()));
        assert!(members("sync/atomic").contains(&"Int32.Add".to_string()));
        assert!(members("sync/atomic").contains(&"AddInt64".to_string()));
        assert!(members("fmt").contains(&"Println".to_string()));
        assert!(packages.iter().all(|(p, _)| *p != "error"));
    }
}
