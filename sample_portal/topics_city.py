"""Topics of municipal news, part 2: the city itself (floods, roads, waste, events ...)."""

from __future__ import annotations

from .topic import Topic

CITY_TOPICS: tuple[Topic, ...] = (
    Topic(
        "banjir",
        ("bpbd", "walikota", "pupr"),
        ("banjir", "bpbd", "bencana"),
        (
            "Banjir Rendam {n} Rumah di Kelurahan {kel}, BPBD Dirikan Posko Pengungsian",
            "Hujan Deras Sejak Sore, {n} Warga {kec} Dievakuasi ke {n2} Posko",
            "Antisipasi Banjir, Pemkot Tangerang Siagakan {n2} Pompa Air di {kec}",
        ),
        (
            "Hujan deras yang mengguyur wilayah Kota Tangerang sejak {hari} menyebabkan "
            "sejumlah permukiman di Kelurahan {kel}, Kecamatan {kec}, terendam banjir dengan "
            "ketinggian air 40 hingga 80 sentimeter.",
            "Badan Penanggulangan Bencana Daerah (BPBD) Kota Tangerang bergerak cepat "
            "mengevakuasi warga terdampak banjir di Kecamatan {kec}, {hari}.",
        ),
        (
            "Berdasarkan data sementara, sebanyak {n} rumah terdampak dan {n2} kepala keluarga "
            "memilih mengungsi ke posko yang didirikan di kantor kelurahan.",
            "{pejabat} menjelaskan, petugas gabungan telah menyiapkan perahu karet, dapur umum "
            "serta layanan kesehatan bagi para pengungsi.",
            "Selain itu, Dinas PUPR mengerahkan {n2} unit pompa mobile untuk mempercepat "
            "surutnya genangan di titik-titik rawan.",
        ),
        (
            '"Kami minta warga tetap waspada karena curah hujan diprediksi masih tinggi hingga '
            'beberapa hari ke depan. Jika air naik, segera hubungi call center 112,"',
            '"Prioritas kami keselamatan warga, terutama lansia, balita dan ibu hamil. Semua '
            'kebutuhan dasar di posko sudah kami penuhi,"',
        ),
    ),
    Topic(
        "umkm",
        ("dinkop", "walikota", "disperindag"),
        ("umkm", "ekonomi", "koperasi"),
        (
            "{n} Pelaku UMKM Kota Tangerang Ikuti Pelatihan Pemasaran Digital",
            "Bazar UMKM di {kec} Raup Transaksi {rp}",
            "Pemkot Tangerang Fasilitasi Sertifikat Halal Gratis bagi {n} UMKM",
        ),
        (
            "Dinas Koperasi dan UKM Kota Tangerang menggelar pelatihan bagi pelaku usaha mikro "
            "kecil dan menengah (UMKM) di Kecamatan {kec}, {hari}.",
            "Geliat usaha mikro di Kota Tangerang terus tumbuh. Ratusan pelaku UMKM memadati "
            "bazar yang digelar di Kelurahan {kel}, {hari}.",
        ),
        (
            "Dalam pelatihan tersebut, peserta dibekali materi fotografi produk, pengelolaan "
            "toko daring hingga pencatatan keuangan sederhana.",
            "{pejabat} mengatakan, saat ini tercatat lebih dari {n} UMKM binaan yang telah "
            "memiliki nomor induk berusaha (NIB).",
            "Selama tiga hari pelaksanaan, transaksi di lokasi bazar tercatat mencapai {rp}.",
        ),
        (
            '"UMKM harus naik kelas. Produknya sudah bagus, tinggal kemasan dan pemasarannya '
            'yang harus kita dorong ke pasar digital,"',
            '"Kami siapkan pendampingan sampai pelaku usaha benar-benar mandiri, bukan hanya '
            'pelatihan satu hari,"',
        ),
    ),
    Topic(
        "jalan",
        ("pupr", "walikota", "sekda"),
        ("jalan rusak", "infrastruktur", "pupr"),
        (
            "Warga Keluhkan Jalan Rusak di {kel}, Dinas PUPR Perbaiki {n} Meter",
            "Perbaikan Jalan di {kec} Sepanjang {n} Meter Ditargetkan Rampung Bulan Ini",
            "Dinas PUPR Kota Tangerang Tambal {n} Titik Jalan Berlubang",
        ),
        (
            "Keluhan warga terkait jalan rusak di Kelurahan {kel}, Kecamatan {kec}, langsung "
            "ditindaklanjuti Dinas PUPR Kota Tangerang, {hari}.",
            "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kota Tangerang mulai memperbaiki "
            "ruas jalan lingkungan di Kecamatan {kec} yang rusak akibat genangan air, {hari}.",
        ),
        (
            "Perbaikan dilakukan dengan metode betonisasi sepanjang {n} meter dengan lebar "
            "enam meter.",
            "{pejabat} menjelaskan, laporan kerusakan diterima melalui kanal pengaduan "
            "SP4N-LAPOR! dan langsung diverifikasi petugas.",
            "Selama pengerjaan, arus lalu lintas dialihkan sementara melalui jalan lingkungan "
            "di sekitar lokasi.",
        ),
        (
            '"Setiap laporan warga kami tindak lanjuti maksimal tiga hari. Untuk perbaikan '
            'permanen, sudah kami masukkan dalam anggaran tahun {tahun},"',
            '"Kami mohon maaf atas ketidaknyamanannya. Pekerjaan kami kebut siang dan malam '
            'agar cepat selesai,"',
        ),
    ),
    Topic(
        "pasar_murah",
        ("disperindag", "walikota", "wawalkot"),
        ("pasar murah", "sembako", "inflasi"),
        (
            "Pasar Murah Digelar di {kec}, {n} Paket Sembako Ludes",
            "Tekan Inflasi, Pemkot Tangerang Gelar Pasar Murah di {n2} Titik Termasuk {kel}",
            "Disperindag Pantau Harga Bahan Pokok di {kel}, Cabai Naik {pct_low} Persen",
        ),
        (
            "Pemerintah Kota Tangerang melalui Disperindag menggelar pasar murah di Kantor "
            "Kecamatan {kec}, {hari}.",
            "Antusiasme warga terlihat sejak pagi saat pasar murah dibuka di Kelurahan {kel}, "
            "{hari}.",
        ),
        (
            "Dalam kegiatan tersebut disediakan {n} paket sembako berisi beras lima kilogram, "
            "minyak goreng dan gula pasir dengan harga di bawah pasar.",
            "{pejabat} menjelaskan, pasar murah bertujuan menjaga daya beli masyarakat dan "
            "mengendalikan inflasi daerah.",
            "Harga beras medium di lokasi dijual Rp 58.000 per lima kilogram, lebih murah "
            "dibandingkan harga di pasar tradisional.",
        ),
        (
            '"Stok bahan pokok aman. Kami imbau masyarakat tidak melakukan pembelian berlebihan,"',
            '"Pasar murah ini akan bergilir ke seluruh kecamatan, jadi warga tidak perlu '
            'berdesakan,"',
        ),
    ),
    Topic(
        "adipura",
        ("dlh", "walikota"),
        ("adipura", "lingkungan hidup", "kebersihan"),
        (
            "Menuju Adipura, {n2} Titik Pantau di {kec} Dinilai Bersih",
            "Menuju Adipura Kencana, DLH Perkuat {n2} Bank Sampah di {kec}",
            "Penilaian Adipura, Tim Verifikasi Tinjau TPS3R {kel} dan {n2} Titik Lainnya",
        ),
        (
            "Kota Tangerang kembali menorehkan prestasi di bidang lingkungan hidup dengan "
            "meraih penghargaan Adipura yang diumumkan {hari}.",
            "Dinas Lingkungan Hidup (DLH) Kota Tangerang terus menggenjot pengelolaan sampah "
            "berbasis masyarakat di Kecamatan {kec}, {hari}.",
        ),
        (
            "Penilaian Adipura meliputi kebersihan jalan protokol, pasar, sekolah, taman kota "
            "serta pengelolaan Tempat Pemrosesan Akhir (TPA) Rawa Kucing.",
            "{pejabat} mengungkapkan, saat ini terdapat {n2} bank sampah aktif dengan volume "
            "sampah terpilah mencapai {n} kilogram per bulan.",
            "Warga juga diajak memilah sampah organik dan anorganik sejak dari rumah.",
        ),
        (
            '"Adipura bukan tujuan akhir. Yang terpenting adalah kesadaran warga menjaga '
            'kebersihan setiap hari,"',
            '"Penghargaan ini milik seluruh warga Kota Tangerang, terutama para petugas '
            'kebersihan yang bekerja sejak subuh,"',
        ),
    ),
    Topic(
        "musrenbang",
        ("bappeda", "walikota", "sekda"),
        ("musrenbang", "perencanaan", "pembangunan"),
        (
            "Musrenbang Kecamatan {kec} Tampung {n2} Usulan Prioritas",
            "Musrenbang RKPD {tahun} di {kec} Fokus pada Infrastruktur, Usulan Capai {rp}",
            "Warga {kel} Usulkan {n2} Saluran Air dalam Musrenbang",
        ),
        (
            "Musyawarah Perencanaan Pembangunan (Musrenbang) tingkat Kecamatan {kec} digelar "
            "di aula kantor kecamatan, {hari}.",
            "Pemerintah Kota Tangerang menggelar Musrenbang Rencana Kerja Pemerintah Daerah "
            "(RKPD) tahun {tahun}, {hari}.",
        ),
        (
            "Dalam forum tersebut, warga menyampaikan {n2} usulan prioritas, mulai dari "
            "perbaikan drainase, penerangan jalan umum hingga ruang terbuka hijau.",
            "{pejabat} menegaskan, seluruh usulan akan diverifikasi sesuai kemampuan keuangan "
            "daerah sebelum masuk ke dalam dokumen perencanaan.",
            "Total nilai usulan yang masuk dari Kecamatan {kec} mencapai {rp}.",
        ),
        (
            '"Musrenbang adalah ruang warga menentukan arah pembangunan. Usulan yang masuk '
            'harus benar-benar kebutuhan, bukan keinginan,"',
            '"Kami prioritaskan usulan yang menyentuh langsung kebutuhan dasar masyarakat '
            'seperti air bersih dan sanitasi,"',
        ),
    ),
    Topic(
        "pajak",
        ("bapenda", "walikota"),
        ("pajak daerah", "pbb", "bapenda"),
        (
            "Bapenda Hapus Denda PBB, {n} Wajib Pajak di {kec} Sudah Melunasi",
            "Realisasi Pajak Daerah Kota Tangerang Tembus {rp}",
            "{n} Lembar SPPT PBB {tahun} Mulai Dibagikan ke Warga {kec}",
        ),
        (
            "Badan Pendapatan Daerah (Bapenda) Kota Tangerang memberikan keringanan berupa "
            "penghapusan denda Pajak Bumi dan Bangunan (PBB) bagi wajib pajak mulai {hari}.",
            "Bapenda Kota Tangerang mulai mendistribusikan Surat Pemberitahuan Pajak Terutang "
            "(SPPT) PBB tahun {tahun} melalui kecamatan dan kelurahan, {hari}.",
        ),
        (
            "Hingga pekan ini, realisasi pendapatan pajak daerah telah mencapai {pct} persen "
            "dari target yang ditetapkan.",
            "{pejabat} menjelaskan, pembayaran dapat dilakukan melalui bank, kantor pos, "
            "minimarket hingga aplikasi dompet digital.",
            "Untuk Kecamatan {kec}, sebanyak {n} lembar SPPT telah diterima para ketua RT.",
        ),
        (
            '"Pajak yang dibayarkan masyarakat kembali lagi untuk pembangunan, untuk jalan, '
            'sekolah dan layanan kesehatan,"',
            '"Manfaatkan program penghapusan denda ini sebelum batas waktunya berakhir,"',
        ),
    ),
    Topic(
        "cfd",
        ("dishub", "disbudpar", "walikota"),
        ("car free day", "olahraga", "ruang publik"),
        (
            "Car Free Day Kembali Digelar, {n} Warga Padati Jalan Sudirman",
            "Festival Budaya Cisadane Hadirkan {n2} Pertunjukan Seni dari {kec}",
            "Dishub Siagakan {n2} Petugas untuk Rekayasa Lalu Lintas di {kec}",
        ),
        (
            "Ribuan warga memadati kawasan car free day di Jalan Jenderal Sudirman, Kota "
            "Tangerang, {hari}.",
            "Pemkot Tangerang menggelar festival budaya di bantaran Sungai Cisadane yang "
            "menampilkan kesenian dari berbagai kecamatan, {hari}.",
        ),
        (
            "Selain berolahraga, warga juga dapat menikmati senam bersama, layanan cek "
            "kesehatan gratis dan bazar kuliner UMKM.",
            "{pejabat} menjelaskan, rekayasa lalu lintas diberlakukan mulai pukul 06.00 hingga "
            "10.00 WIB.",
            "Panitia memperkirakan jumlah pengunjung mencapai {n} orang sepanjang kegiatan.",
        ),
        (
            '"Ruang publik seperti ini penting untuk mempererat interaksi warga dan mendorong '
            'gaya hidup sehat,"',
            '"Kami sudah siapkan kantong parkir dan petugas di setiap persimpangan agar '
            'kegiatan berjalan tertib,"',
        ),
    ),
    Topic(
        "sampah",
        ("dlh", "walikota"),
        ("sampah", "lingkungan hidup", "tpa rawa kucing"),
        (
            "DLH Angkut {n} Ton Sampah dari Bantaran Kali di {kec}",
            "Warga {kel} Olah {n} Kilogram Sampah Organik Jadi Pupuk Kompos",
            "Pemkot Tangerang Tambah {n2} Armada Pengangkut Sampah untuk {kec}",
        ),
        (
            "Dinas Lingkungan Hidup Kota Tangerang menggelar aksi bersih-bersih di bantaran "
            "kali di Kecamatan {kec}, {hari}.",
            "Warga Kelurahan {kel} berhasil mengolah sampah rumah tangga menjadi pupuk kompos "
            "yang dipamerkan dalam lomba kampung bersih, {hari}.",
        ),
        (
            "Dari kegiatan tersebut, petugas berhasil mengangkut {n} ton sampah yang "
            "didominasi plastik dan kasur bekas.",
            "{pejabat} menyebut, volume sampah yang masuk ke TPA Rawa Kucing mencapai ribuan "
            "ton per hari sehingga pengurangan dari sumber menjadi penting.",
            "Pemkot juga menambah {n2} unit armada untuk menjangkau permukiman padat.",
        ),
        (
            '"Jangan buang sampah ke sungai. Sampah yang menumpuk menjadi salah satu penyebab '
            'banjir di musim hujan,"',
            '"Kalau sampah sudah dipilah dari rumah, beban TPA berkurang dan warga bisa '
            'mendapat nilai ekonomi dari bank sampah,"',
        ),
    ),
)
