"""Press releases of the Banten provincial government: half of the syndication pool.

Officials' names are invented, as everywhere on the sample portal.
"""

from __future__ import annotations

from .release import Release

BANTEN_RELEASES: tuple[Release, ...] = (
    Release(
        "banten-pemutihan-pajak",
        "Badan Pendapatan Daerah (Bapenda) Provinsi Banten",
        "SERANG",
        "Pemprov Banten Hapus Denda Pajak Kendaraan Bermotor hingga Akhir Juni",
        (
            "Pemerintah Provinsi (Pemprov) Banten kembali menggelar program pembebasan denda dan "
            "tunggakan Pajak Kendaraan Bermotor (PKB) serta Bea Balik Nama Kendaraan Bermotor "
            "(BBNKB) II. Program ini berlaku mulai 10 April hingga 30 Juni 2025 di seluruh kantor "
            "Samsat se-Provinsi Banten.",
            "Kepala Bapenda Provinsi Banten Rahmat Hidayat mengatakan, program tersebut merupakan "
            "bentuk keringanan bagi masyarakat yang selama ini kesulitan melunasi kewajiban "
            "pajaknya. Wajib pajak cukup membayar pokok pajak tahun berjalan tanpa dikenai sanksi "
            "administrasi.",
            '"Kami ingin masyarakat kembali tertib membayar pajak tanpa terbebani denda yang '
            "menumpuk. Pajak yang dibayarkan akan kembali kepada masyarakat dalam bentuk perbaikan "
            'jalan, layanan kesehatan dan pendidikan," kata Rahmat.',
            "Selain di kantor Samsat induk, pembayaran dapat dilakukan melalui Samsat Keliling, "
            "gerai Samsat di pusat perbelanjaan, serta aplikasi Samsat digital nasional (Signal). "
            "Wajib pajak diminta membawa KTP elektronik asli dan STNK kendaraan.",
            "Berdasarkan data Bapenda, hingga akhir Maret 2025 tercatat lebih dari 1,2 juta "
            "kendaraan di Provinsi Banten yang menunggak pajak. Pemprov Banten menargetkan "
            "sedikitnya 300 ribu kendaraan kembali tercatat aktif selama program berlangsung.",
        ),
        ("pajak kendaraan", "provinsi banten", "samsat"),
        "Wajib pajak mengantre di salah satu kantor Samsat di Provinsi Banten.",
    ),
    Release(
        "banten-cuaca-ekstrem",
        "Badan Penanggulangan Bencana Daerah (BPBD) Provinsi Banten",
        "SERANG",
        "BPBD Banten Tetapkan Status Siaga Darurat Bencana Hidrometeorologi",
        (
            "Badan Penanggulangan Bencana Daerah (BPBD) Provinsi Banten menetapkan status siaga "
            "darurat bencana hidrometeorologi selama 60 hari ke depan. Penetapan ini menyusul "
            "peringatan dini cuaca ekstrem dari Badan Meteorologi, Klimatologi, dan Geofisika "
            "(BMKG) untuk sebagian besar wilayah Banten.",
            "Kepala Pelaksana BPBD Provinsi Banten Wahyu Santosa menjelaskan, curah hujan dengan "
            "intensitas lebat hingga sangat lebat diprediksi terjadi pada dasarian ketiga bulan "
            "ini. Wilayah yang perlu diwaspadai antara lain daerah aliran Sungai Cisadane, "
            "Ciujung dan Cidurian.",
            '"Kami minta pemerintah kabupaten dan kota menyiagakan personel, perahu karet, pompa '
            "air dan logistik di titik-titik rawan. Masyarakat yang tinggal di bantaran sungai "
            'agar segera mengungsi jika air mulai naik," ujar Wahyu.',
            "Selama masa siaga, Pusat Pengendalian Operasi (Pusdalops) BPBD Provinsi Banten "
            "beroperasi 24 jam. Laporan kejadian bencana dapat disampaikan melalui nomor darurat "
            "112 yang terhubung dengan seluruh BPBD kabupaten dan kota.",
            "BPBD juga mengimbau warga untuk membersihkan saluran air di lingkungan "
            "masing-masing, memangkas dahan pohon yang rapuh, serta menyiapkan tas siaga bencana "
            "berisi dokumen penting, obat-obatan dan makanan ringan.",
        ),
        ("cuaca ekstrem", "bpbd", "provinsi banten"),
        "Petugas BPBD Provinsi Banten menyiapkan perahu karet di posko siaga.",
    ),
    Release(
        "banten-sekolah-gratis",
        "Dinas Pendidikan dan Kebudayaan (Dindikbud) Provinsi Banten",
        "SERANG",
        "Pendaftaran Sekolah Gratis SMA dan SMK Swasta di Banten Dibuka",
        (
            "Pemerintah Provinsi Banten membuka pendaftaran program sekolah gratis bagi siswa "
            "SMA, SMK dan SKh swasta mitra untuk tahun ajaran 2025/2026. Program ini menyasar "
            "siswa dari keluarga kurang mampu yang tidak tertampung di sekolah negeri.",
            "Kepala Dindikbud Provinsi Banten Suherman Effendi menuturkan, sebanyak 812 sekolah "
            "swasta telah menandatangani perjanjian kerja sama. Sekolah mitra tidak diperkenankan "
            "memungut biaya pendaftaran, uang gedung maupun SPP bulanan dari siswa penerima "
            "program.",
            '"Tidak boleh ada lagi anak Banten yang putus sekolah karena biaya. Pemerintah '
            "provinsi menanggung biaya operasional sekolah mitra sesuai jumlah siswa yang "
            'diterima," tutur Suherman.',
            "Pendaftaran dilakukan secara daring melalui laman resmi Sistem Penerimaan Murid Baru "
            "(SPMB) Provinsi Banten. Calon siswa wajib melampirkan kartu keluarga, akta "
            "kelahiran, rapor semester terakhir serta surat keterangan tidak mampu dari kelurahan "
            "atau desa.",
            "Dindikbud membuka posko pengaduan di setiap Kantor Cabang Dinas Pendidikan. Orang "
            "tua yang menemukan pungutan di sekolah mitra dapat melapor disertai bukti "
            "pembayaran.",
        ),
        ("pendidikan", "provinsi banten", "spmb"),
        "Siswa SMA swasta mitra mengikuti kegiatan belajar di kelas.",
    ),
    Release(
        "banten-pangan-murah",
        "Dinas Ketahanan Pangan Provinsi Banten",
        "SERANG",
        "Jelang Ramadan, Pemprov Banten Gelar Gerakan Pangan Murah di 155 Titik",
        (
            "Pemerintah Provinsi Banten melalui Dinas Ketahanan Pangan menggelar Gerakan Pangan "
            "Murah (GPM) serentak di 155 titik yang tersebar di delapan kabupaten dan kota. "
            "Kegiatan ini untuk menjaga stabilitas harga dan ketersediaan bahan pokok menjelang "
            "bulan suci Ramadan.",
            "Kepala Dinas Ketahanan Pangan Provinsi Banten Ratna Kusumadewi menyampaikan, "
            "komoditas yang dijual meliputi beras SPHP, minyak goreng, gula pasir, telur ayam, "
            "bawang merah dan cabai. Harga yang ditawarkan 10 hingga 20 persen di bawah harga "
            "pasar.",
            '"Kami bekerja sama dengan Perum Bulog, BUMD pangan dan para distributor agar stok '
            'aman sampai Lebaran. Pembelian kami batasi supaya semua warga kebagian," ucap Ratna.',
            "Setiap warga dapat membeli paling banyak dua kemasan beras lima kilogram dan dua "
            "liter minyak goreng. Pembeli diminta membawa kantong belanja sendiri untuk "
            "mengurangi sampah plastik.",
            "Jadwal dan lokasi Gerakan Pangan Murah diumumkan melalui akun media sosial resmi "
            "Pemprov Banten serta pemerintah kabupaten dan kota setempat.",
        ),
        ("pangan murah", "ramadan", "provinsi banten"),
        "Warga membeli beras SPHP dalam Gerakan Pangan Murah.",
    ),
    Release(
        "banten-mudik-gratis",
        "Dinas Perhubungan (Dishub) Provinsi Banten",
        "SERANG",
        "Dishub Banten Buka Pendaftaran Mudik Gratis Lebaran, Kuota 5.000 Kursi",
        (
            "Dinas Perhubungan (Dishub) Provinsi Banten membuka pendaftaran program mudik gratis "
            "Lebaran 2025. Sebanyak 100 bus disiapkan dengan total kuota 5.000 kursi untuk tujuan "
            "kota-kota di Jawa Tengah, Jawa Timur, Daerah Istimewa Yogyakarta dan Sumatera.",
            "Kepala Dishub Provinsi Banten Hendro Wicaksono mengatakan, pendaftaran dibuka secara "
            "daring mulai 3 Maret 2025 dan ditutup apabila kuota telah terpenuhi. Setiap "
            "pendaftar wajib memiliki KTP Banten dan dapat mendaftarkan paling banyak empat "
            "anggota keluarga.",
            '"Program ini untuk mengurangi jumlah pemudik yang menggunakan sepeda motor, karena '
            "risiko kecelakaannya paling tinggi. Kami juga menyediakan truk pengangkut motor "
            'secara gratis," kata Hendro.',
            "Pemberangkatan dijadwalkan dari Kawasan Pusat Pemerintahan Provinsi Banten (KP3B) di "
            "Serang pada H-4 Lebaran. Peserta diminta hadir paling lambat tiga jam sebelum "
            "keberangkatan untuk verifikasi data dan pemeriksaan kesehatan.",
            "Dishub mengingatkan masyarakat agar tidak mempercayai pihak yang menawarkan kursi "
            "mudik gratis dengan imbalan uang. Seluruh proses pendaftaran tidak dipungut biaya.",
        ),
        ("mudik", "lebaran", "provinsi banten"),
        "Deretan bus mudik gratis di halaman KP3B Serang.",
    ),
    Release(
        "banten-cek-kesehatan",
        "Dinas Kesehatan Provinsi Banten",
        "SERANG",
        "Cek Kesehatan Gratis Kini Bisa Dilakukan di Seluruh Puskesmas di Banten",
        (
            "Dinas Kesehatan Provinsi Banten memastikan program Cek Kesehatan Gratis (CKG) kini "
            "dapat diakses di seluruh 258 puskesmas di Provinsi Banten. Program ini diperuntukkan "
            "bagi warga pada hari ulang tahunnya atau paling lambat 30 hari setelahnya.",
            "Kepala Dinas Kesehatan Provinsi Banten dr. Siti Maryam Hasanah menjelaskan, "
            "pemeriksaan meliputi tekanan darah, gula darah, kolesterol, skrining tuberkulosis, "
            "kesehatan jiwa, serta pemeriksaan gigi. Anak sekolah akan diperiksa langsung di "
            "sekolah masing-masing mulai tahun ajaran baru.",
            '"Banyak penyakit seperti hipertensi dan diabetes tidak bergejala di awal. Dengan cek '
            "kesehatan rutin, penyakit bisa ditemukan lebih dini sehingga pengobatannya lebih "
            'murah dan berhasil," ujar Siti.',
            "Warga yang ingin memeriksakan diri cukup mendaftar melalui aplikasi SATUSEHAT Mobile "
            "dan memilih puskesmas terdekat. Bagi yang belum memiliki telepon pintar, pendaftaran "
            "dapat dilakukan langsung di loket puskesmas dengan membawa KTP.",
            "Hingga pekan lalu, sebanyak 184.320 warga Banten telah mengikuti cek kesehatan "
            "gratis. Dinkes menargetkan cakupan program mencapai 60 persen penduduk hingga akhir "
            "tahun.",
        ),
        ("kesehatan", "puskesmas", "provinsi banten"),
        "Petugas puskesmas memeriksa tekanan darah peserta cek kesehatan gratis.",
    ),
)
